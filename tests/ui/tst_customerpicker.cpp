// The "Choose a customer" dialog (the pipeline board's "New opportunity…") over a real store: the empty
// box lists the user's customers and nobody else's, a two-character Chinese search, typing searched
// once after a pause, an answer overtaken by a newer query dropped, no match, choosing a row (OK,
// double-click, Down then Enter), a pool customer, a role that may not read customers, and the cap.
#include "core/ErrorText.h"
#include "core/services/CustomerService.h"
#include "core/security/Permission.h"
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/customers/CustomerPickerDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace crm;

namespace {

QSet<qint64> idsOf(const CustomerPickerDialog &dialog)
{
    QSet<qint64> ids;
    for (int i = 0; i < dialog.results()->count(); ++i)
        ids.insert(dialog.results()->item(i)->data(Qt::UserRole).toLongLong());
    return ids;
}

QListWidgetItem *rowOf(const CustomerPickerDialog &dialog, qint64 id)
{
    for (int i = 0; i < dialog.results()->count(); ++i)
        if (dialog.results()->item(i)->data(Qt::UserRole).toLongLong() == id)
            return dialog.results()->item(i);
    return nullptr;
}

QPushButton *okOf(const CustomerPickerDialog &dialog)
{
    auto *box = dialog.findChild<QDialogButtonBox *>();
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

QString statusOf(const CustomerPickerDialog &dialog)
{
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("pickerStatus"));
    return status ? status->text() : QStringLiteral("<no pickerStatus>");
}

} // namespace

class TestCustomerPicker : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session; // wang, a rep: his own customers only
    qint64 m_xinghe = 0, m_yunfan = 0, m_person = 0, m_harbour = 0; // wang's
    qint64 m_qianXinghe = 0, m_qianOther = 0; // qian's
    qint64 m_pool = 0; // nobody's

    // The answer to the query running now (the one the constructor starts, or the last search()). Call
    // it before anything that runs the event loop (show and wait for the window), which would take
    // the answer before the spy is there.
    static bool waitSearched(CustomerPickerDialog &dialog)
    {
        QSignalSpy searched(&dialog, &CustomerPickerDialog::searched);
        return searched.wait(20000);
    }

    qint64 customer(const Actor &actor, const QString &name, const QString &company = {}, const QString &phone = {})
    {
        Customer c;
        c.name = name;
        c.company = company;
        if (!phone.isEmpty())
            c.phones = {Phone{phone, QStringLiteral("mobile"), true}};
        auto created = CustomerService(*m_store->db).create(actor, c);
        if (!created)
            qFatal("customer %s: %s", qPrintable(name), qPrintable(created.error().message));
        return created->id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English));
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        m_xinghe = customer(m_team.wang, QStringLiteral("深圳星河科技有限公司"));
        m_yunfan = customer(m_team.wang, QStringLiteral("云帆贸易"));
        m_person = customer(m_team.wang, QStringLiteral("陈静"), QStringLiteral("杭州远景咨询"), QStringLiteral("13800138000"));
        // QTest types ASCII only: the name the typing tests search for.
        m_harbour = customer(m_team.wang, QStringLiteral("Harbour Imports Ltd"));
        // Qian is in another team: never in Wang's picker, even where the name matches.
        m_qianXinghe = customer(m_team.qian, QStringLiteral("星河国际物流"));
        m_qianOther = customer(m_team.qian, QStringLiteral("北方重工"));
        // Created without an owner by the system actor (as an import does): in the public pool.
        m_pool = customer(Actor::system(), QStringLiteral("星河湾物业"));
        m_session = test::signedInSession(m_store->location, QStringLiteral("wang"));
    }

    void theEmptyBoxListsTheUsersCustomersOnly()
    {
        CustomerPickerDialog dialog(*m_session);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Choose a customer"));
        QVERIFY(dialog.isSearching());
        QVERIFY(waitSearched(dialog));
        QVERIFY(!dialog.isSearching());
        QCOMPARE(dialog.results()->objectName(), QStringLiteral("customerResults"));
        QCOMPARE(idsOf(dialog), (QSet<qint64>{m_xinghe, m_yunfan, m_person, m_harbour}));
        QVERIFY(!idsOf(dialog).contains(m_qianXinghe));
        QVERIFY(!idsOf(dialog).contains(m_qianOther));
        QVERIFY(!idsOf(dialog).contains(m_pool));
        QVERIFY2(statusOf(dialog).isEmpty(), qPrintable(statusOf(dialog)));

        // "Name · Company · Owner", the empty parts left out; the name for the caller.
        QListWidgetItem *person = rowOf(dialog, m_person);
        QVERIFY(person);
        QCOMPARE(person->text(), QStringLiteral("陈静 · 杭州远景咨询 · wang"));
        QCOMPARE(person->data(Qt::UserRole + 1).toString(), QStringLiteral("陈静"));
        QVERIFY2(person->toolTip().contains(QStringLiteral("13800138000")), qPrintable(person->toolTip()));
        QListWidgetItem *xinghe = rowOf(dialog, m_xinghe);
        QVERIFY(xinghe);
        QCOMPARE(xinghe->text(), QStringLiteral("深圳星河科技有限公司 · wang"));
        QCOMPARE(xinghe->data(Qt::UserRole + 1).toString(), QStringLiteral("深圳星河科技有限公司"));

        // Nothing chosen yet.
        QVERIFY(okOf(dialog));
        QVERIFY(!okOf(dialog)->isEnabled());
        QCOMPARE(dialog.customerId(), qint64(0));
        QVERIFY(dialog.customerName().isEmpty());
        auto *box = dialog.findChild<QLineEdit *>(QStringLiteral("customerSearch"));
        QVERIFY(box);
        QVERIFY(!box->placeholderText().isEmpty());
    }

    void aTwoCharacterChineseSearch()
    {
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        dialog.search(QStringLiteral("星河"));
        QVERIFY(dialog.isSearching());
        QCOMPARE(statusOf(dialog), QStringLiteral("Searching…"));
        QVERIFY(waitSearched(dialog));
        // Neither qian's 星河国际物流 nor the pool's 星河湾物业: not in a rep's scope.
        QCOMPARE(idsOf(dialog), QSet<qint64>{m_xinghe});
        QVERIFY(!idsOf(dialog).contains(m_yunfan));
        QVERIFY2(statusOf(dialog).isEmpty(), qPrintable(statusOf(dialog)));
    }

    void typingSearchesOnceAfterAPause()
    {
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *box = dialog.findChild<QLineEdit *>(QStringLiteral("customerSearch"));
        QVERIFY(box);
        QSignalSpy searched(&dialog, &CustomerPickerDialog::searched);
        QTest::keyClicks(box, QStringLiteral("harb"));
        QCOMPARE(box->text(), QStringLiteral("harb"));
        // Waiting for the pause, not yet asked.
        QVERIFY(dialog.isSearching());
        QCOMPARE(searched.size(), 0);
        QVERIFY(searched.wait(20000));
        QCOMPARE(idsOf(dialog), QSet<qint64>{m_harbour});
        // Four keystrokes, one query.
        QTest::qWait(2 * CustomerPickerDialog::kDebounceMs);
        QCOMPARE(searched.size(), 1);
        QVERIFY(!dialog.isSearching());
    }

    void anOvertakenAnswerIsDropped()
    {
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        QSignalSpy searched(&dialog, &CustomerPickerDialog::searched);
        dialog.search(QStringLiteral("云帆"));
        dialog.search(QStringLiteral("星河"));
        // The worker answers in order: the first answer is dropped, the second shown.
        QVERIFY(searched.wait(20000));
        QCOMPARE(idsOf(dialog), QSet<qint64>{m_xinghe});
        QTest::qWait(200);
        QCOMPARE(searched.size(), 1);
        QVERIFY(!dialog.isSearching());
    }

    void noMatchSaysSo()
    {
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        dialog.results()->setCurrentRow(0);
        QVERIFY(okOf(dialog)->isEnabled());
        dialog.search(QStringLiteral("不存在的客户"));
        QVERIFY(waitSearched(dialog));
        QCOMPARE(dialog.results()->count(), 0);
        QCOMPARE(statusOf(dialog), QStringLiteral("No customer matches “不存在的客户”"));
        QVERIFY(!okOf(dialog)->isEnabled());
        QCOMPARE(dialog.customerId(), qint64(0));
    }

    void selectingARowEnablesOk()
    {
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        QPushButton *ok = okOf(dialog);
        QVERIFY(!ok->isEnabled());
        QListWidgetItem *person = rowOf(dialog, m_person);
        QVERIFY(person);
        dialog.results()->setCurrentItem(person);
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.customerId(), m_person);
        QCOMPARE(dialog.customerName(), QStringLiteral("陈静"));

        // A new answer that still holds the chosen customer keeps it chosen.
        dialog.search(QStringLiteral("陈静"));
        QVERIFY(waitSearched(dialog));
        QCOMPARE(dialog.customerId(), m_person);
        QVERIFY(ok->isEnabled());

        dialog.results()->clearSelection();
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.customerId(), qint64(0));

        dialog.results()->setCurrentItem(rowOf(dialog, m_person));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        ok->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.customerId(), m_person);
    }

    void doubleClickAccepts()
    {
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QListWidgetItem *yunfan = rowOf(dialog, m_yunfan);
        QVERIFY(yunfan);
        QListWidget *list = dialog.results();
        const QRect rect = list->visualItemRect(yunfan);
        QVERIFY(!rect.isEmpty());
        // A double-click is a click, then the double-click event (QTest sends only the latter).
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.customerId(), m_yunfan);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(dialog.customerId(), m_yunfan);
        QCOMPARE(dialog.customerName(), QStringLiteral("云帆贸易"));
    }

    void downThenEnterChoosesTheFirstRow()
    {
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *box = dialog.findChild<QLineEdit *>(QStringLiteral("customerSearch"));
        QCOMPARE(QApplication::focusWidget(), box);
        QListWidget *list = dialog.results();
        QVERIFY(list->count() > 0);
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), list);
        QCOMPARE(list->currentRow(), 0);
        QVERIFY(okOf(dialog)->isEnabled());
        const qint64 first = list->item(0)->data(Qt::UserRole).toLongLong();
        QCOMPARE(dialog.customerId(), first);
        // Up on the first row goes back to the box; Down again returns to the same row.
        QTest::keyClick(list, Qt::Key_Up);
        QCOMPARE(QApplication::focusWidget(), box);
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), list);
        QCOMPARE(dialog.customerId(), first);

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(accepted.size(), 1); // once, not again by the OK button
        QCOMPARE(dialog.customerId(), first);
    }

    void enterInTheBoxSearchesWhatWasTyped()
    {
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.results()->setCurrentItem(rowOf(dialog, m_person));
        auto *box = dialog.findChild<QLineEdit *>(QStringLiteral("customerSearch"));
        box->setFocus();
        QSignalSpy searched(&dialog, &CustomerPickerDialog::searched);
        QTest::keyClicks(box, QStringLiteral("Harbour"));
        // Enter before the pause is over: the typed text is searched now, nothing is chosen.
        QTest::keyClick(box, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(statusOf(dialog), QStringLiteral("Searching…"));
        QVERIFY(searched.wait(20000));
        QCOMPARE(idsOf(dialog), QSet<qint64>{m_harbour});
        QCOMPARE(dialog.customerId(), qint64(0));
        QVERIFY(dialog.isVisible());
    }

    void aPoolCustomerSaysPublicPool()
    {
        auto admin = test::signedInSession(m_store->location, QStringLiteral("admin"));
        CustomerPickerDialog dialog(*admin);
        QVERIFY(waitSearched(dialog));
        dialog.search(QStringLiteral("星河"));
        QVERIFY(waitSearched(dialog));
        // The administrator sees everyone's, the pool included.
        QCOMPARE(idsOf(dialog), (QSet<qint64>{m_xinghe, m_qianXinghe, m_pool}));
        QCOMPARE(rowOf(dialog, m_pool)->text(), QStringLiteral("星河湾物业 · Public pool"));
        QCOMPARE(rowOf(dialog, m_qianXinghe)->text(), QStringLiteral("星河国际物流 · qian"));
    }

    void aRoleThatMayNotReadCustomersSeesTheError()
    {
        OrgService org(*m_store->db);
        auto role = org.createRole(m_team.admin, QStringLiteral("deals-only"), DataScope::All, {Permission::OpportunityRead});
        QVERIFY2(role.ok(), role.ok() ? "" : qPrintable(role.error().message));
        auto user = org.createUser(m_team.admin, NewUser{QStringLiteral("lu"), QStringLiteral("陆"), QStringLiteral("s3cret-pass"),
                                                         QStringLiteral("deals-only"), {}, {}, {}, {}});
        QVERIFY2(user.ok(), user.ok() ? "" : qPrintable(user.error().message));
        auto session = test::signedInSession(m_store->location, QStringLiteral("lu"));
        CustomerPickerDialog dialog(*session);
        QVERIFY(waitSearched(dialog)); // an error is an answer too
        QVERIFY(!dialog.isSearching());
        QCOMPARE(dialog.results()->count(), 0);
        QCOMPARE(statusOf(dialog), ErrorText::message(Error::forbidden()));
        QVERIFY(!okOf(dialog)->isEnabled());
    }

    void listsTheFirstTwentyAndSaysSo()
    {
        for (int i = 0; i <= CustomerPickerDialog::kLimit; ++i)
            customer(m_team.wang, QStringLiteral("批量客户%1").arg(i));
        CustomerPickerDialog dialog(*m_session);
        QVERIFY(waitSearched(dialog));
        dialog.search(QStringLiteral("批量"));
        QVERIFY(waitSearched(dialog));
        QCOMPARE(dialog.results()->count(), CustomerPickerDialog::kLimit);
        QCOMPARE(statusOf(dialog), QStringLiteral("Showing the first 20; type more to narrow"));
        // The newest matches first.
        QCOMPARE(dialog.results()->item(0)->data(Qt::UserRole + 1).toString(),
                 QStringLiteral("批量客户%1").arg(CustomerPickerDialog::kLimit));
        // Narrowed: all of them fit.
        dialog.search(QStringLiteral("批量客户1"));
        QVERIFY(waitSearched(dialog));
        QCOMPARE(dialog.results()->count(), 11); // 1, 10..19
        QVERIFY2(statusOf(dialog).isEmpty(), qPrintable(statusOf(dialog)));
    }

    void cleanupTestCase() { m_session.reset(); }
};

QTEST_MAIN(TestCustomerPicker)
#include "tst_customerpicker.moc"
