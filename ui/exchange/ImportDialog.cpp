#include "ui/exchange/ImportDialog.h"

#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/CustomFieldService.h"
#include "reports/import/ActivityImporter.h"
#include "reports/import/ContactImporter.h"
#include "reports/import/ImportErrorReport.h"
#include "reports/import/ImportTargets.h"
#include "reports/import/OpportunityImporter.h"
#include "ui/DbWorker.h"
#include "ui/Session.h"
#include "ui/exchange/MappingFieldDelegate.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace crm {

namespace {

constexpr int kPreviewRows = 20;
constexpr int kExamples = 3; // values shown beside each column in the mapping

enum MappingColumn { FileColumn, Examples, Field };

QString encodingText(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return QStringLiteral("UTF-8");
    case TextEncoding::Gb18030: return QStringLiteral("GB18030");
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE: return QStringLiteral("UTF-16");
    case TextEncoding::Auto: break;
    }
    return QStringLiteral("ASCII");
}

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

void prepareTable(QTableWidget *table)
{
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    // Tab leaves the table for the next control instead of walking its cells.
    table->setTabKeyNavigation(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setHighlightSections(false);
}

} // namespace

ImportDialog::ImportDialog(Session &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_worker(session.openWorker(QStringLiteral("crm-import"))),
      m_cancel(std::make_shared<CancelFlag>(false))
{
    setObjectName(QStringLiteral("importDialog"));

    // What the file holds: the types this user may write.
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("type"));
    const Actor &actor = session.actor();
    if (actor.can(Permission::CustomerWrite))
        m_type->addItem(tr("Customers"), ColumnMapping::Customers);
    if (actor.can(Permission::OpportunityWrite))
        m_type->addItem(tr("Opportunities"), ImportTargets::Opportunities);
    if (actor.can(Permission::ActivityWrite))
        m_type->addItem(tr("Activities"), ImportTargets::Activities);
    if (actor.can(Permission::CustomerWrite))
        m_type->addItem(tr("Contacts"), ImportTargets::Contacts);
    if (m_type->count() == 0)
        m_type->addItem(tr("Customers"), ColumnMapping::Customers); // nothing to import: the message says so
    auto *typeLabel = new QLabel(tr("Im&port:"), this);
    typeLabel->setBuddy(m_type);

    // The file and how to read it.
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("file"));
    m_path->setReadOnly(true);
    m_path->setPlaceholderText(tr("No file chosen"));
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    m_browse = new QPushButton(tr("&Choose…"), this);
    m_browse->setObjectName(QStringLiteral("browse"));
    m_browse->setToolTip(tr("CSV or text (UTF-8, GB18030, UTF-16), or an Excel workbook (.xlsx)"));
    connect(m_browse, &QPushButton::clicked, this, &ImportDialog::browse);

    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("utf-8"));
    m_encoding->addItem(QStringLiteral("GB18030 (GBK)"), QStringLiteral("gb18030"));
    m_encoding->addItem(QStringLiteral("UTF-16"), QStringLiteral("utf-16le"));
    m_encoding->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_encodingLabel = new QLabel(tr("&Encoding:"), this);
    m_encodingLabel->setBuddy(m_encoding);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportDialog::readPreview);

    m_sheet = new QComboBox(this);
    m_sheet->setObjectName(QStringLiteral("sheet"));
    m_sheet->setMinimumContentsLength(16);
    m_sheetLabel = new QLabel(tr("S&heet:"), this);
    m_sheetLabel->setBuddy(m_sheet);
    connect(m_sheet, &QComboBox::currentIndexChanged, this, &ImportDialog::readPreview);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(typeLabel);
    fileRow->addWidget(m_type);
    fileRow->addSpacing(16);
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    fileRow->addSpacing(16);
    fileRow->addWidget(m_encodingLabel);
    fileRow->addWidget(m_encoding);
    fileRow->addWidget(m_sheetLabel);
    fileRow->addWidget(m_sheet);

    // The first rows as read.
    m_previewTable = new QTableWidget(this);
    m_previewTable->setObjectName(QStringLiteral("preview"));
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    prepareTable(m_previewTable);
    m_previewNote = new QLabel(this);
    auto *previewBox = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_previewTable, 1);
    previewLayout->addWidget(m_previewNote);

    // Which field each column fills.
    m_mappingTable = new QTableWidget(0, 3, this);
    m_mappingTable->setObjectName(QStringLiteral("mapping"));
    m_delegate = new MappingFieldDelegate(m_mappingTable);
    m_mappingTable->setItemDelegateForColumn(Field, m_delegate);
    m_mappingTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                                    QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_mappingTable->setSelectionMode(QAbstractItemView::SingleSelection);
    prepareTable(m_mappingTable);
    m_mappingTable->verticalHeader()->hide();
    m_mappingTable->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::Interactive);
    m_mappingTable->horizontalHeader()->setSectionResizeMode(Examples, QHeaderView::Stretch);
    m_mappingTable->horizontalHeader()->setSectionResizeMode(Field, QHeaderView::Interactive);
    m_mappingTable->setColumnWidth(FileColumn, 170);
    m_mappingTable->setColumnWidth(Field, 200);
    auto *mappingHint = new QLabel(tr("Double-click a field or press F2 to change it; \"(ignore)\" leaves the column out."), this);
    mappingHint->setWordWrap(true);
    m_loadMapping = new QPushButton(tr("&Load template…"), this);
    m_loadMapping->setObjectName(QStringLiteral("loadMapping"));
    m_loadMapping->setToolTip(tr("Apply a mapping saved earlier (also used by crm import --mapping)"));
    connect(m_loadMapping, &QPushButton::clicked, this, [this] {
        const QString dir = m_file.isEmpty() ? QString() : QFileInfo(m_file).absolutePath();
        const QString path = QFileDialog::getOpenFileName(this, tr("Load column mapping"), dir, tr("Mapping templates (*.json)"));
        if (!path.isEmpty())
            loadMapping(path);
    });
    m_saveMapping = new QPushButton(tr("&Save template…"), this);
    m_saveMapping->setObjectName(QStringLiteral("saveMapping"));
    m_saveMapping->setToolTip(tr("Save this mapping for the next file with these columns (also for crm import --mapping)"));
    connect(m_saveMapping, &QPushButton::clicked, this, [this] {
        const QFileInfo info(m_file);
        const QString suggested = info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".mapping.json"));
        const QString path = QFileDialog::getSaveFileName(this, tr("Save column mapping"), suggested, tr("Mapping templates (*.json)"));
        if (!path.isEmpty())
            saveMapping(path);
    });
    auto *mappingBox = new QGroupBox(tr("Column mapping"), this);
    auto *mappingLayout = new QVBoxLayout(mappingBox);
    mappingLayout->addWidget(mappingHint);
    mappingLayout->addWidget(m_mappingTable, 1);
    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(m_loadMapping);
    templateRow->addWidget(m_saveMapping);
    templateRow->addStretch();
    mappingLayout->addLayout(templateRow);

    // What to do with duplicates and invalid rows.
    m_duplicates = new QComboBox(this);
    m_duplicates->setObjectName(QStringLiteral("duplicates"));
    m_duplicates->addItem(tr("Skip them"), int(DuplicatePolicy::Skip));
    m_duplicates->addItem(tr("Update the existing customer"), int(DuplicatePolicy::Update));
    m_duplicates->addItem(tr("Create them anyway"), int(DuplicatePolicy::Create));
    m_duplicatesHelp = new QLabel(this);
    m_duplicatesHelp->setWordWrap(true);
    m_allOrNothing = new QRadioButton(tr("&All or nothing: import only if every row is valid"), this);
    m_allOrNothing->setObjectName(QStringLiteral("allOrNothing"));
    m_allOrNothing->setChecked(true);
    m_partial = new QRadioButton(tr("Import the &valid rows and write an error report"), this);
    m_partial->setObjectName(QStringLiteral("partial"));
    auto *optionsBox = new QGroupBox(tr("Options"), this);
    auto *optionsLayout = new QVBoxLayout(optionsBox);
    auto *duplicatesLabel = new QLabel(tr("&Duplicates:"), this);
    duplicatesLabel->setBuddy(m_duplicates);
    optionsLayout->addWidget(duplicatesLabel);
    optionsLayout->addWidget(m_duplicates);
    optionsLayout->addWidget(m_duplicatesHelp);
    optionsLayout->addSpacing(12);
    optionsLayout->addWidget(new QLabel(tr("Invalid rows:"), this));
    optionsLayout->addWidget(m_allOrNothing);
    optionsLayout->addWidget(m_partial);
    optionsLayout->addStretch();

    auto *middle = new QWidget(this);
    auto *middleLayout = new QHBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(mappingBox, 3);
    middleLayout->addWidget(optionsBox, 2);

    // What happened.
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 2); // no jumping between one and two lines
    m_issues = new QTableWidget(0, 4, this);
    m_issues->setObjectName(QStringLiteral("issues"));
    m_issues->setHorizontalHeaderLabels({tr("Row"), tr("Column"), tr("Value"), tr("Problem")});
    m_issues->setEditTriggers(QAbstractItemView::NoEditTriggers);
    prepareTable(m_issues);
    m_issues->verticalHeader()->hide();
    m_issues->setColumnWidth(0, 60);
    m_issues->setColumnWidth(1, 140);
    m_issues->setColumnWidth(2, 220);
    m_issues->horizontalHeader()->setStretchLastSection(true);
    auto *resultBox = new QGroupBox(tr("Issues"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addWidget(m_issues, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(previewBox);
    splitter->addWidget(middle);
    splitter->addWidget(resultBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({230, 300, 200});

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_dryRun = new QPushButton(tr("D&ry run"), this);
    m_dryRun->setObjectName(QStringLiteral("dryRun"));
    m_dryRun->setToolTip(tr("Check every row and show what would happen, without writing anything"));
    connect(m_dryRun, &QPushButton::clicked, this, &ImportDialog::dryRun);
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("import"));
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    m_cancelButton = new QPushButton(tr("Cancel import"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancel"));
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancel);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("close"));
    connect(m_close, &QPushButton::clicked, this, &ImportDialog::reject);
    // No default button: Enter in a field must never start an import.
    for (QPushButton *b : {m_browse, m_loadMapping, m_saveMapping, m_dryRun, m_import, m_cancelButton, m_close}) {
        b->setAutoDefault(false);
        b->setDefault(false);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(splitter, 1);
    // Outside the splitter: only the dialog's own layout gives a wrapped label the lines it needs.
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    const QList<QWidget *> order = {m_type, m_browse,       m_encoding, m_sheet,   m_previewTable, m_mappingTable,
                                    m_loadMapping,  m_saveMapping, m_duplicates, m_allOrNothing, m_partial,
                                    m_issues,       m_dryRun,   m_import,  m_cancelButton, m_close};
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]); // Qt 6.4 has no list overload
    resize(1180, 820); // fits a 1400x900 screen with the window frame and panel
    m_encodingLabel->hide();
    m_encoding->hide();
    m_sheetLabel->hide();
    m_sheet->hide();
    connect(m_type, &QComboBox::currentIndexChanged, this, &ImportDialog::applyType);
    applyType();
    if (m_session.actor().can(writePermission()))
        showMessage(tr("Choose a file: CSV or text (UTF-8, GB18030, UTF-16) or an Excel workbook (.xlsx)."), false);
    else
        showMessage(tr("You do not have permission to import customers."), true);
    updateActions();
    m_browse->setFocus();
    // The company's custom fields: columns headed by their labels fill them (proposed once known).
    m_worker->run(
        this, [actor = m_session.actor()](Database &db) { return CustomFieldService(db).list(actor); },
        [this](Result<QVector<CustomFieldDef>> fields) {
            if (!fields || fields->isEmpty())
                return;
            m_customFields = *fields;
            m_delegate->setCustomFields(m_customFields);
            if (m_preview && type() == ColumnMapping::Customers) {
                ColumnMapping m = mapping();
                m.proposeCustomFields(m_customFields);
                fillMapping(m);
            }
        });
}

ImportDialog::~ImportDialog()
{
    // Stop a running import (it rolls back) and join the thread before the members it reports to go.
    m_cancel->store(true);
    m_worker.reset();
}

void ImportDialog::setType(const QString &type)
{
    if (const int i = m_type->findData(type); i >= 0)
        m_type->setCurrentIndex(i);
}

QString ImportDialog::type() const
{
    return m_type->currentData().toString();
}

QString ImportDialog::writePermission() const
{
    const QString t = type();
    if (t == ImportTargets::Opportunities)
        return Permission::OpportunityWrite;
    if (t == ImportTargets::Activities)
        return Permission::ActivityWrite;
    return Permission::CustomerWrite;
}

// The words that follow the type, and the mapping proposed again for the file's headers.
void ImportDialog::applyType()
{
    const QString t = type();
    const bool opportunities = t == ImportTargets::Opportunities, activities = t == ImportTargets::Activities,
               contacts = t == ImportTargets::Contacts;
    setWindowTitle(opportunities ? tr("Import opportunities")
                   : activities  ? tr("Import activities")
                   : contacts    ? tr("Import contacts")
                                 : tr("Import customers"));
    m_mappingTable->setHorizontalHeaderLabels({tr("File column"), tr("Examples"),
                                               opportunities ? tr("Opportunity field")
                                               : activities  ? tr("Activity field")
                                               : contacts    ? tr("Contact field")
                                                             : tr("Customer field")});
    m_delegate->setType(t);
    m_duplicates->setItemText(1, opportunities ? tr("Update the existing opportunity")
                                 : activities  ? tr("Update the existing activity")
                                 : contacts    ? tr("Update the existing contact")
                                               : tr("Update the existing customer"));
    m_duplicatesHelp->setText(opportunities ? tr("A duplicate names a customer that already has an opportunity of that name, "
                                                 "in the CRM or earlier in the file.")
                              : activities ? tr("A duplicate has the customer, time, type, subject and content of an activity "
                                                "already in the CRM or earlier in the file.")
                              : contacts   ? tr("A duplicate names a customer that already has a contact of that name, in the "
                                                "CRM or earlier in the file.")
                                           : tr("A duplicate has the phone or email of a customer already in the CRM or earlier "
                                                "in the file, or the same name and company."));
    if (m_preview) {
        fillMapping(proposal(m_preview->headers));
        const QString problem = mappingProblem(mapping());
        showMessage(problem.isEmpty() ? tr("Check the column mapping and the options, then run a dry run or import.") : problem,
                    !problem.isEmpty());
    }
    updateActions();
}

QString ImportDialog::file() const
{
    return m_file;
}

QString ImportDialog::message() const
{
    return m_message->text();
}

void ImportDialog::browse()
{
    const QString dir = m_file.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                         : QFileInfo(m_file).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, windowTitle(), dir,
                                                      tr("Data files (*.csv *.txt *.tsv *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportDialog::setFile(const QString &path)
{
    m_file = path;
    m_path->setText(QDir::toNativeSeparators(path));
    m_preview.reset();
    m_result.reset();
    {
        // A new file is read as found: detected encoding, first sheet.
        const QSignalBlocker encodingBlocker(m_encoding), sheetBlocker(m_sheet);
        m_encoding->setCurrentIndex(0);
        m_sheet->clear();
    }
    readPreview();
}

void ImportDialog::setEncoding(const QString &name)
{
    const int index = m_encoding->findData(Encoding::name(Encoding::fromName(name).value_or(TextEncoding::Auto)));
    if (index >= 0)
        m_encoding->setCurrentIndex(index); // re-reads through currentIndexChanged
}

void ImportDialog::setSheet(int index)
{
    m_sheet->setCurrentIndex(index);
}

void ImportDialog::setDuplicatePolicy(DuplicatePolicy policy)
{
    m_duplicates->setCurrentIndex(m_duplicates->findData(int(policy)));
}

void ImportDialog::setPartial(bool partial)
{
    (partial ? m_partial : m_allOrNothing)->setChecked(true);
}

TableFileOptions ImportDialog::fileOptions() const
{
    TableFileOptions options;
    options.encoding = Encoding::fromName(m_encoding->currentData().toString()).value_or(TextEncoding::Auto);
    options.sheetIndex = std::max(0, m_sheet->currentIndex());
    return options;
}

void ImportDialog::readPreview()
{
    if (m_file.isEmpty() || m_running)
        return;
    const int generation = ++m_previewGeneration;
    m_reading = true;
    updateActions();
    showMessage(tr("Reading %1…").arg(QFileInfo(m_file).fileName()), false);
    m_worker->run(
        this, [path = m_file, options = fileOptions()](Database &) { return ImportPreview::read(path, options, kPreviewRows); },
        [this, generation](Result<ImportPreview> preview) {
            if (generation != m_previewGeneration)
                return; // the file, encoding or sheet changed meanwhile: a newer read is coming
            m_reading = false;
            showPreview(std::move(preview));
        });
}

void ImportDialog::showPreview(Result<ImportPreview> read)
{
    if (!read) {
        m_preview.reset();
        m_previewTable->clear();
        m_previewTable->setRowCount(0);
        m_previewTable->setColumnCount(0);
        m_mappingTable->setRowCount(0);
        m_previewNote->clear();
        showMessage(errorText(read.error()), true);
        updateActions();
        Q_EMIT previewChanged(false);
        return;
    }
    // The same columns again (another encoding or a re-read): keep the mapping the user edited.
    const bool sameColumns = m_preview && m_preview->headers == read->headers;
    m_preview = read.value();
    const ImportPreview &p = *m_preview;

    m_encodingLabel->setVisible(!p.xlsx);
    m_encoding->setVisible(!p.xlsx);
    m_sheetLabel->setVisible(p.xlsx);
    m_sheet->setVisible(p.xlsx);
    if (p.xlsx) {
        const QSignalBlocker blocker(m_sheet);
        m_sheet->clear();
        m_sheet->addItems(p.sheetNames);
        m_sheet->setCurrentIndex(p.sheetIndex);
    } else {
        // "Automatic" says what it found, so a wrong guess is visible before importing.
        m_encoding->setItemText(0, m_encoding->currentIndex() == 0 ? tr("Automatic (%1)").arg(encodingText(p.encoding))
                                                                   : tr("Automatic"));
    }

    m_previewTable->clear();
    m_previewTable->setColumnCount(int(p.headers.size()));
    m_previewTable->setHorizontalHeaderLabels(p.headers);
    m_previewTable->setRowCount(int(p.rows.size()));
    for (int r = 0; r < p.rows.size(); ++r)
        for (int c = 0; c < p.headers.size(); ++c)
            m_previewTable->setItem(r, c, readOnlyItem(p.rows[r].value(c)));
    m_previewTable->resizeColumnsToContents();
    for (int c = 0; c < m_previewTable->columnCount(); ++c)
        m_previewTable->setColumnWidth(c, std::clamp(m_previewTable->columnWidth(c), 60, 280));
    m_previewNote->setText(p.moreRows ? tr("The first %n row(s) of the file; more follow.", nullptr, int(p.rows.size()))
                                      : tr("All %n row(s) of the file.", nullptr, int(p.rows.size())));

    if (sameColumns)
        fillMapping(mapping()); // refresh the examples, keep the fields
    else
        fillMapping(proposal(p.headers));
    const QString problem = mappingProblem(mapping());
    if (!problem.isEmpty())
        showMessage(problem, true);
    else
        showMessage(tr("Check the column mapping and the options, then run a dry run or import."), false);
    updateActions();
    Q_EMIT previewChanged(true);
}

ColumnMapping ImportDialog::proposal(const QStringList &headers) const
{
    ColumnMapping m = ColumnMapping::propose(headers, type());
    m.proposeCustomFields(m_customFields);
    return m;
}

void ImportDialog::fillMapping(const ColumnMapping &mapping)
{
    m_mappingTable->setRowCount(int(mapping.headers.size()));
    for (int c = 0; c < mapping.headers.size(); ++c) {
        QStringList examples;
        if (m_preview)
            for (const QStringList &row : m_preview->rows) {
                const QString value = row.value(c).simplified();
                if (!value.isEmpty())
                    examples << value;
                if (examples.size() == kExamples)
                    break;
            }
        m_mappingTable->setItem(c, FileColumn, readOnlyItem(mapping.headers[c]));
        m_mappingTable->setItem(c, Examples, readOnlyItem(examples.join(QStringLiteral(" · "))));
        auto *field = new QTableWidgetItem(m_delegate->text(mapping.fields.value(c)));
        field->setData(MappingFieldDelegate::FieldRole, mapping.fields.value(c));
        field->setToolTip(tr("Double-click or press F2 to choose the field"));
        m_mappingTable->setItem(c, Field, field);
    }
    if (m_mappingTable->rowCount() > 0)
        m_mappingTable->setCurrentCell(0, Field); // F2 edits at once
}

ColumnMapping ImportDialog::mapping() const
{
    ColumnMapping m;
    m.type = type();
    if (!m_preview)
        return m;
    m.headers = m_preview->headers;
    for (int c = 0; c < m.headers.size(); ++c) {
        const QTableWidgetItem *item = m_mappingTable->item(c, Field);
        m.fields << (item ? item->data(MappingFieldDelegate::FieldRole).toString() : QString());
    }
    return m;
}

void ImportDialog::setColumnField(int column, const QString &field)
{
    if (QTableWidgetItem *item = m_mappingTable->item(column, Field)) {
        item->setData(MappingFieldDelegate::FieldRole, field);
        item->setText(m_delegate->text(field));
    }
}

bool ImportDialog::saveMapping(const QString &path)
{
    if (!m_preview)
        return false;
    if (Status st = mapping().saveTemplate(path); !st) {
        showMessage(tr("The mapping could not be saved to %1.").arg(QDir::toNativeSeparators(path)), true);
        return false;
    }
    showMessage(tr("Mapping saved to %1. It also works with crm import --mapping.").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

bool ImportDialog::loadMapping(const QString &path)
{
    if (!m_preview)
        return false;
    auto loaded = ColumnMapping::loadTemplate(path, m_preview->headers, type());
    if (!loaded) {
        showMessage(tr("%1 is not a column mapping template (a JSON file saved by this dialog or crm import --save-mapping).")
                        .arg(QDir::toNativeSeparators(path)),
                    true);
        return false;
    }
    fillMapping(*loaded);
    const QString problem = mappingProblem(*loaded);
    showMessage(problem.isEmpty() ? tr("Mapping loaded from %1.").arg(QDir::toNativeSeparators(path)) : problem, !problem.isEmpty());
    return problem.isEmpty();
}

QString ImportDialog::mappingProblem(const ColumnMapping &m) const
{
    const QString t = type();
    if (t != ColumnMapping::Customers) {
        // Opportunities and activities: each field from one column, and the row's customer (and an
        // opportunity's name) mapped, as ImportTargets::validate requires.
        for (int i = 0; i < m.fields.size(); ++i) {
            const QString &f = m.fields[i];
            if (f.isEmpty())
                continue;
            if (!ColumnMapping::targetFields(t).contains(f))
                return tr("Column \"%1\" is mapped to \"%2\", which this import does not know. Choose another field or \"(ignore)\".")
                    .arg(m.headers[i], f);
            const int first = int(m.fields.indexOf(f));
            if (first != i)
                return tr("Columns \"%1\" and \"%2\" both fill %3.").arg(m.headers[first], m.headers[i], MappingFieldDelegate::label(f, t));
        }
        if (!m.fields.contains(QStringLiteral("customerId")) && !m.fields.contains(QStringLiteral("customer")))
            return tr("No column names the customer. Choose \"Customer\" (a name) or \"Customer ID\" for it.");
        if (t == ImportTargets::Opportunities && !m.fields.contains(QStringLiteral("name")))
            return tr("No column is mapped to \"Opportunity name\".");
        if (t == ImportTargets::Contacts && !m.fields.contains(QStringLiteral("name")))
            return tr("No column is mapped to \"Contact name\".");
        return {};
    }
    for (int i = 0; i < m.fields.size(); ++i) {
        const QString &f = m.fields[i];
        if (f.isEmpty())
            continue;
        if (!ColumnMapping::targetFields().contains(f) && !ColumnMapping::isCustomField(f))
            return tr("Column \"%1\" is mapped to \"%2\", which is not a customer field. Choose another field or \"(ignore)\".")
                .arg(m.headers[i], f);
        const int first = int(m.fields.indexOf(f));
        if (!ColumnMapping::isMultiValued(f) && first != i)
            return tr("Columns \"%1\" and \"%2\" both fill %3. Only phone, email, tags and groups may come from several columns.")
                .arg(m.headers[first], m.headers[i], m_delegate->text(f));
    }
    if (!m.fields.contains(QStringLiteral("name"))) {
        QString text = tr("No column is mapped to Name. Choose \"Name\" for the column that holds the customer's name.");
        if (m_preview && m_preview->xlsx && m_preview->sheetNames.size() > 1) // a notes sheet often comes first
            text += QLatin1Char(' ') + tr("If the customers are on another sheet, choose it above.");
        return text;
    }
    return {};
}

QString ImportDialog::errorText(const Error &e) const
{
    const QString &code = e.code;
    if (code == QLatin1String("cancelled"))
        return tr("Import cancelled; the database is unchanged.");
    if (code == QLatin1String("forbidden")) {
        if (e.field.isEmpty())
            return tr("You do not have permission to import customers.");
        return tr("You may not change the field %1, so its column cannot be imported. Set that column to \"(ignore)\".")
            .arg(ErrorText::fieldLabel(e.field));
    }
    if (e.field == QLatin1String("file")) {
        if (code == QLatin1String("validation.empty"))
            return m_preview && m_preview->rows.isEmpty() ? tr("The file has a header row but no customers below it.")
                                                          : tr("The file is empty.");
        if (code == QLatin1String("validation.encoding")) {
            // CsvReader's details start with the row's number.
            return tr("Row %1 is not valid text in the chosen encoding. Choose the file's encoding above "
                      "(Excel on Chinese Windows saves GB18030).")
                .arg(e.args.value(0, QStringLiteral("?")));
        }
        // The error report is the only file an import writes: its folder is the input's.
        if (code == QLatin1String("io.write"))
            return tr("The error report cannot be written next to the file. Copy the file to a folder you may write to "
                      "and import it from there; nothing was imported.");
        if (code == QLatin1String("io.read"))
            return tr("The file cannot be opened. Check that it exists and that you may read it.");
        // The readers' sentences name the row or part that is damaged; they are the most useful detail
        // (the CSV and XLSX readers' in the user's language).
        return tr("The file cannot be read: it is damaged or not a CSV file or Excel workbook (.xlsx). Details: %1")
            .arg(ErrorText::details(e));
    }
    if (e.field == QLatin1String("sheet"))
        return tr("The workbook has no such sheet.");
    if (e.field == QLatin1String("mapping"))
        return tr("The column mapping does not fit this file: %1").arg(e.message);
    return ErrorText::message(e);
}

void ImportDialog::dryRun()
{
    run(true);
}

void ImportDialog::startImport()
{
    run(false);
}

void ImportDialog::run(bool dryRun)
{
    if (!m_preview || m_running || m_reading)
        return;
    const Actor actor = m_session.actor();
    const QString kind = type();
    if (!actor.can(writePermission())) {
        const QString text = kind == ImportTargets::Opportunities ? tr("You do not have permission to import opportunities.")
                             : kind == ImportTargets::Activities  ? tr("You do not have permission to import activities.")
                             : kind == ImportTargets::Contacts    ? tr("You do not have permission to import contacts.")
                                                                  : tr("You do not have permission to import customers.");
        showMessage(text, true);
        Q_EMIT finished(false, text);
        return;
    }
    const ColumnMapping columns = mapping();
    if (const QString problem = mappingProblem(columns); !problem.isEmpty()) {
        showMessage(problem, true);
        Q_EMIT finished(false, problem);
        return;
    }
    CustomerImportOptions options;
    options.mapping = columns;
    options.onDuplicate = DuplicatePolicy(m_duplicates->currentData().toInt());
    options.partial = m_partial->isChecked();
    options.dryRun = dryRun;
    // A dry run leaves no file behind either; an import lists the rows it did not take next to the input.
    options.errorReportPath = dryRun ? QString() : ImportErrorReport::pathFor(m_file);
    m_cancel->store(false);
    options.cancel = m_cancel.get();
    // Called on the worker thread: hand the figures to the dialog's thread.
    options.progress = [this](const TaskProgress &p) {
        QMetaObject::invokeMethod(this, [this, p] { onProgress(p); }, Qt::QueuedConnection);
    };

    m_running = true;
    m_result.reset();
    m_issues->setRowCount(0);
    m_progress->setValue(0);
    updateActions();
    const QString name = QFileInfo(m_file).fileName();
    showMessage(dryRun ? tr("Checking %1…").arg(name) : tr("Importing %1…").arg(name), false);
    m_worker->run(
        this,
        [actor, kind, path = m_file, fileOptions = fileOptions(), options, cancel = m_cancel](Database &db) -> Result<CustomerImportResult> {
            auto source = TableFile::open(path, fileOptions);
            if (!source)
                return source.error();
            if (kind == ImportTargets::Opportunities)
                return OpportunityImporter(db).run(actor, **source, options);
            if (kind == ImportTargets::Activities)
                return ActivityImporter(db).run(actor, **source, options);
            if (kind == ImportTargets::Contacts)
                return ContactImporter(db).run(actor, **source, options);
            return CustomerImporter(db).run(actor, **source, options);
        },
        [this, dryRun](Result<CustomerImportResult> result) { onRunFinished(dryRun, std::move(result)); });
}

void ImportDialog::onProgress(const TaskProgress &p)
{
    if (!m_running || m_cancel->load())
        return;
    m_progress->setValue(int(p.fraction * 1000));
    if (p.phase == QLatin1String("reading"))
        showMessage(tr("%1 rows checked…").arg(QLocale().toString(p.done)), false);
    else
        showMessage(tr("Writing %1 rows…").arg(QLocale().toString(p.done)), false);
}

void ImportDialog::onRunFinished(bool dryRun, Result<CustomerImportResult> result)
{
    m_running = false;
    const QString name = QFileInfo(m_file).fileName();
    if (!result) {
        m_progress->setValue(0);
        QString text = errorText(result.error());
        if (dryRun && result.error().code == QLatin1String("cancelled"))
            text = tr("Dry run cancelled.");
        showMessage(text, true);
        updateActions();
        Q_EMIT finished(false, text);
        if (m_closeWhenStopped)
            QDialog::reject();
        return;
    }
    m_progress->setValue(1000);
    m_result = result.value();
    const CustomerImportResult &r = *m_result;
    showIssues(r);
    const int rows = int(r.rows);
    QString text;
    bool ok = true;
    if (dryRun) {
        text = tr("Dry run of %1, nothing was written: %n row(s); %2 would be created, %3 updated, %4 skipped as "
                  "duplicates, %5 invalid.",
                  nullptr, rows)
                   .arg(name)
                   .arg(r.created)
                   .arg(r.updated)
                   .arg(r.skipped)
                   .arg(r.invalid);
        if (r.invalid > 0 && !m_partial->isChecked())
            text += QLatin1Char(' ') +
                tr("As it is, nothing would be imported: fix the invalid rows, or choose to import the valid rows.");
    } else if (r.committed) {
        text = tr("Imported %1: %n row(s); %2 created, %3 updated, %4 skipped as duplicates, %5 invalid.", nullptr, rows)
                   .arg(name)
                   .arg(r.created)
                   .arg(r.updated)
                   .arg(r.skipped)
                   .arg(r.invalid);
    }
    if (r.contacts > 0 && (dryRun || r.committed))
        text += QLatin1Char(' ') + tr("Contact persons: %1.").arg(r.contacts);
    if (!dryRun && !r.committed) {
        ok = false;
        text = tr("Nothing was imported from %1: %n row(s) are invalid. Fix them, or choose to import the valid rows "
                  "and write an error report.",
                  nullptr, int(r.invalid))
                   .arg(name);
    }
    if (!r.errorReportPath.isEmpty())
        text += QLatin1Char(' ') + tr("Rows not imported are listed in %1.").arg(QDir::toNativeSeparators(r.errorReportPath));
    if (r.issueCount > r.firstIssues.size())
        text += QLatin1Char(' ') + tr("The first %1 of %2 issues are shown below.").arg(r.firstIssues.size()).arg(r.issueCount);
    showMessage(text, !ok || r.invalid > 0);
    updateActions();
    Q_EMIT finished(ok, text);
    if (m_closeWhenStopped)
        QDialog::reject();
}

void ImportDialog::showIssues(const CustomerImportResult &r)
{
    m_issues->setRowCount(int(r.firstIssues.size()));
    for (int i = 0; i < r.firstIssues.size(); ++i) {
        const ImportIssue &issue = r.firstIssues[i];
        m_issues->setItem(i, 0, readOnlyItem(QString::number(issue.row)));
        m_issues->setItem(i, 1, readOnlyItem(issue.column));
        m_issues->setItem(i, 2, readOnlyItem(issue.value));
        m_issues->setItem(i, 3, readOnlyItem(issue.reason));
    }
}

void ImportDialog::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, problem ? QColor(0xb0, 0x20, 0x20) : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
}

void ImportDialog::updateActions()
{
    const bool idle = !m_running;
    const bool ready = idle && !m_reading && m_preview.has_value() && m_session.actor().can(writePermission());
    m_dryRun->setEnabled(ready);
    m_import->setEnabled(ready);
    m_cancelButton->setEnabled(m_running && !m_cancel->load());
    m_type->setEnabled(idle);
    m_browse->setEnabled(idle);
    m_encoding->setEnabled(idle);
    m_sheet->setEnabled(idle);
    m_mappingTable->setEnabled(idle);
    m_loadMapping->setEnabled(idle && m_preview.has_value());
    m_saveMapping->setEnabled(idle && m_preview.has_value());
    m_duplicates->setEnabled(idle);
    m_allOrNothing->setEnabled(idle);
    m_partial->setEnabled(idle);
}

void ImportDialog::cancel()
{
    if (!m_running)
        return;
    m_cancel->store(true);
    m_cancelButton->setEnabled(false);
    showMessage(tr("Cancelling…"), false);
    // The importer stops at its next row and rolls back; onRunFinished() follows.
}

void ImportDialog::reject()
{
    if (m_running) {
        m_closeWhenStopped = true; // Esc and the window's close button cancel first
        cancel();
        return;
    }
    QDialog::reject();
}

} // namespace crm
