#pragma once

#include "core/domain/CustomField.h"
#include "reports/Progress.h"
#include "reports/import/CustomerImporter.h"
#include "ui/exchange/ImportPreview.h"

#include <QDialog>

#include <memory>
#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace crm {

class DbWorker;
class MappingFieldDelegate;
class Session;

// Imports a file of customers, opportunities or activities (CSV/TXT in UTF-8, GB18030 or UTF-16, or a
// sheet of an XLSX workbook) through the engines `crm import --type` drives (CustomerImporter,
// OpportunityImporter, ActivityImporter; the types the user may write are offered): a preview of the first rows, the
// proposed column mapping to edit (and to save or load as the template `crm import --mapping`
// reads), the duplicate policy, all-or-nothing or valid-rows-plus-error-report, a dry run, and the
// import itself on a worker of its own with progress and cancel (a cancelled import has written
// nothing). The customer list refreshes itself from the change feed the importer announces to.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportDialog(Session &session, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // "customers", "opportunities" or "activities" (among those offered); proposes the mapping again.
    void setType(const QString &type);
    QString type() const;
    // Reads the file's preview (on the worker); previewChanged() follows.
    void setFile(const QString &path);
    QString file() const;
    // CSV: "auto", "utf-8", "gb18030" or "utf-16le" (Encoding::name); re-reads the preview.
    void setEncoding(const QString &name);
    // XLSX: the sheet by position; re-reads the preview.
    void setSheet(int index);
    void setDuplicatePolicy(DuplicatePolicy policy);
    void setPartial(bool partial);

    const std::optional<ImportPreview> &preview() const { return m_preview; }
    // The mapping as the table shows it (empty before a preview).
    ColumnMapping mapping() const;
    // The field of file column `column` ("" ignores it).
    void setColumnField(int column, const QString &field);
    bool saveMapping(const QString &path);
    bool loadMapping(const QString &path);

    // Checks everything, writes nothing, and shows what would happen.
    void dryRun();
    // Imports off the GUI thread; finished() follows.
    void startImport();
    // Stops a running import or dry run; the database keeps what it had.
    void cancel();
    bool isRunning() const { return m_running; }

    const std::optional<CustomerImportResult> &lastResult() const { return m_result; }
    // The sentence shown after the last preview, run or problem.
    QString message() const;

Q_SIGNALS:
    void previewChanged(bool ok);
    // After a dry run or an import: ok when it did what was asked (a dry run ran, an import committed).
    void finished(bool ok, const QString &message);

protected:
    void reject() override;

private:
    void browse();
    void readPreview();
    void showPreview(Result<ImportPreview> preview);
    void fillMapping(const ColumnMapping &mapping);
    // The proposal for these headers of the chosen type, custom fields included.
    ColumnMapping proposal(const QStringList &headers) const;
    void run(bool dryRun);
    void onProgress(const TaskProgress &progress);
    void onRunFinished(bool dryRun, Result<CustomerImportResult> result);
    void showIssues(const CustomerImportResult &result);
    void showMessage(const QString &text, bool problem);
    void updateActions();
    TableFileOptions fileOptions() const;
    QString mappingProblem(const ColumnMapping &mapping) const;
    QString errorText(const Error &error) const;
    void applyType();
    QString writePermission() const;

    Session &m_session;
    std::unique_ptr<DbWorker> m_worker;
    std::shared_ptr<CancelFlag> m_cancel;
    QComboBox *m_type;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QLabel *m_encodingLabel;
    QComboBox *m_encoding;
    QLabel *m_sheetLabel;
    QComboBox *m_sheet;
    QTableWidget *m_previewTable;
    QLabel *m_previewNote;
    QTableWidget *m_mappingTable;
    MappingFieldDelegate *m_delegate;
    QPushButton *m_loadMapping;
    QPushButton *m_saveMapping;
    QComboBox *m_duplicates;
    QLabel *m_duplicatesHelp;
    QRadioButton *m_allOrNothing;
    QRadioButton *m_partial;
    QLabel *m_message;
    QTableWidget *m_issues;
    QProgressBar *m_progress;
    QPushButton *m_dryRun;
    QPushButton *m_import;
    QPushButton *m_cancelButton;
    QPushButton *m_close;
    QString m_file;
    std::optional<ImportPreview> m_preview;
    QVector<CustomFieldDef> m_customFields;
    std::optional<CustomerImportResult> m_result;
    int m_previewGeneration = 0;
    bool m_reading = false;
    bool m_running = false;
    bool m_closeWhenStopped = false;
};

} // namespace crm
