// Custom fields on the desktop: an administrator defines them in Settings, a rep sees the list
// without the form, the customer page shows an editor per field and saves what is typed, a value the
// field cannot take is named under it, a selected field is changed and moved, and a field in use is
// not removed nor loses an option a customer holds.
#include "core/services/CustomerService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/customers/CustomerDialog.h"
#include "ui/settings/CustomFieldsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace crm;

class TestCustomFieldsUi : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_admin, m_li;

    static bool add(CustomFieldsPanel &panel, const QString &label, const QString &key, const QString &type,
                    const QString &options = {})
    {
        panel.findChild<QLineEdit *>(QStringLiteral("fieldLabel"))->setText(label);
        panel.findChild<QLineEdit *>(QStringLiteral("fieldKey"))->setText(key);
        auto *types = panel.findChild<QComboBox *>(QStringLiteral("fieldType"));
        types->setCurrentIndex(types->findData(type));
        panel.findChild<QLineEdit *>(QStringLiteral("fieldOptions"))->setText(options);
        QSignalSpy changed(&panel, &CustomFieldsPanel::changed);
        panel.addFromForm();
        return changed.wait(20000);
    }

    template <typename Action>
    static bool settleAfter(CustomFieldsPanel &panel, Action action)
    {
        QSignalSpy changed(&panel, &CustomFieldsPanel::changed);
        action();
        return changed.wait(20000);
    }

    static bool settle(CustomFieldsPanel &panel)
    {
        QSignalSpy changed(&panel, &CustomFieldsPanel::changed);
        return changed.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        m_admin = test::signedInSession(m_store->location, QStringLiteral("admin"));
        m_li = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void definedInSettingsEditedOnTheCustomerPage()
    {
        CustomFieldsPanel panel(*m_admin);
        QVERIFY(settle(panel));
        QVERIFY(add(panel, QStringLiteral("合同编号"), QStringLiteral("contract_no"), QStringLiteral("text")));
        QVERIFY(add(panel, QStringLiteral("大区"), QStringLiteral("region"), QStringLiteral("choice"), QStringLiteral("华东，华南")));
        QVERIFY(add(panel, QStringLiteral("评分"), QStringLiteral("score"), QStringLiteral("number")));
        QTRY_COMPARE(panel.fields().size(), 3);
        auto *table = panel.findChild<QTableWidget *>(QStringLiteral("customFieldsTable"));
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("大区"));
        QCOMPARE(panel.fields().at(1).options, (QStringList{QStringLiteral("华东"), QStringLiteral("华南")}));
        // A key that is taken: the service's refusal is shown, nothing added.
        QVERIFY(add(panel, QStringLiteral("again"), QStringLiteral("region"), QStringLiteral("text")));
        QVERIFY(!panel.message().isEmpty());
        QCOMPARE(panel.fields().size(), 3);

        // A rep sees the fields, not the form.
        CustomFieldsPanel repView(*m_li);
        QVERIFY(settle(repView));
        QCOMPARE(repView.fields().size(), 3);
        QVERIFY(repView.findChild<QPushButton *>(QStringLiteral("addField"))->isHidden());

        // The customer page: an editor per field, saved into the customer.
        Customer c;
        c.name = QStringLiteral("定制字段公司");
        const qint64 id = CustomerService(*m_store->db).create(m_team.wang, c).value().id;
        {
            CustomerDialog dialog(*m_li, id);
            QSignalSpy loaded(&dialog, &CustomerDialog::loaded);
            QVERIFY(loaded.wait(20000));
            auto *tabs = dialog.findChild<QTabWidget *>();
            QVERIFY(tabs);
            bool hasTab = false;
            for (int i = 0; i < tabs->count(); ++i)
                hasTab = hasTab || tabs->widget(i)->objectName() == QStringLiteral("customFields");
            QVERIFY(hasTab);
            dialog.findChild<QLineEdit *>(QStringLiteral("customFields.contract_no"))->setText(QStringLiteral("HT-2026-001"));
            auto *region = dialog.findChild<QComboBox *>(QStringLiteral("customFields.region"));
            region->setCurrentIndex(region->findData(QStringLiteral("华南")));
            // Not a number: named under the field, nothing saved.
            dialog.findChild<QLineEdit *>(QStringLiteral("customFields.score"))->setText(QStringLiteral("很高"));
            QSignalSpy failed(&dialog, &CustomerDialog::saveFailed);
            dialog.save();
            QVERIFY(failed.wait(20000));
            QCOMPARE(failed.first().first().value<Error>().field, QStringLiteral("customFields.score"));
            QVERIFY(!dialog.fieldMessage(QStringLiteral("customFields.score")).isEmpty());
            dialog.findChild<QLineEdit *>(QStringLiteral("customFields.score"))->setText(QStringLiteral("4.5"));
            QSignalSpy saved(&dialog, &CustomerDialog::saved);
            dialog.save();
            QVERIFY(saved.wait(20000));
        }
        const Customer stored = CustomerService(*m_store->db).get(m_team.wang, id).value();
        QCOMPARE(stored.customFields.value(QStringLiteral("contract_no")).toString(), QStringLiteral("HT-2026-001"));
        QCOMPARE(stored.customFields.value(QStringLiteral("region")).toString(), QStringLiteral("华南"));
        QCOMPARE(stored.customFields.value(QStringLiteral("score")).toDouble(), 4.5);
        {
            CustomerDialog again(*m_li, id); // shown as stored
            QSignalSpy loaded(&again, &CustomerDialog::loaded);
            QVERIFY(loaded.wait(20000));
            QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("customFields.score"))->text(), QStringLiteral("4.5"));
            QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("customFields.region"))->currentText(), QStringLiteral("华南"));
        }

        // In use: not removed, and said why.
        table->selectRow(1);
        QSignalSpy changed(&panel, &CustomFieldsPanel::changed);
        panel.removeSelected();
        QVERIFY(changed.wait(20000));
        QVERIFY(panel.message().contains(QStringLiteral("大区")));
        QCOMPARE(panel.fields().size(), 3);

        // Selected: the form shows the field, its key and type fixed; a new label and option are saved
        // and the field stays selected.
        auto *label = panel.findChild<QLineEdit *>(QStringLiteral("fieldLabel"));
        auto *options = panel.findChild<QLineEdit *>(QStringLiteral("fieldOptions"));
        QCOMPARE(label->text(), QStringLiteral("大区"));
        QCOMPARE(options->text(), QStringLiteral("华东, 华南"));
        QVERIFY(!panel.findChild<QLineEdit *>(QStringLiteral("fieldKey"))->isEnabled());
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("addField"))->isEnabled());
        label->setText(QStringLiteral("销售大区"));
        options->setText(QStringLiteral("华东，华南，西南"));
        QVERIFY(settleAfter(panel, [&] { panel.saveSelected(); }));
        QCOMPARE(panel.fields().at(1).label, QStringLiteral("销售大区"));
        QCOMPARE(panel.fields().at(1).options.size(), 3);
        QCOMPARE(table->currentRow(), 1);
        // Taking out the option the customer holds is refused, saying why.
        options->setText(QStringLiteral("华东，西南"));
        QVERIFY(settleAfter(panel, [&] { panel.saveSelected(); }));
        QVERIFY(panel.message().contains(QStringLiteral("销售大区")));
        QCOMPARE(panel.fields().at(1).options.size(), 3);

        // Moved up: the order is stored and the selection follows the field.
        QVERIFY(settleAfter(panel, [&] { panel.moveSelected(-1); }));
        QCOMPARE(panel.fields().at(0).key, QStringLiteral("region"));
        QCOMPARE(table->currentRow(), 0);
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("moveFieldUp"))->isEnabled());
        CustomFieldsPanel reread(*m_li);
        QVERIFY(settle(reread));
        QCOMPARE(reread.fields().at(0).label, QStringLiteral("销售大区"));

        // New field: the form is empty and adds again.
        panel.newField();
        QVERIFY(label->text().isEmpty());
        QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("addField"))->isEnabled());
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("saveField"))->isEnabled());
    }
};

QTEST_MAIN(TestCustomFieldsUi)
#include "tst_customfieldsui.moc"
