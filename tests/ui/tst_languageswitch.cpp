// Switching the language in Settings takes effect at once: the main window's navigation, menus,
// title and views come back in the new language, on the view the user was on, with the same session.
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/LanguageLoader.h"
#include "ui/MainWindow.h"
#include "ui/UiSettings.h"

#include <QComboBox>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace crm;

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    std::unique_ptr<Session> m_li;

    static QStringList navigation(const MainWindow &window)
    {
        QStringList out;
        auto *list = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        for (int i = 0; list && i < list->count(); ++i)
            out << list->item(i)->text();
        return out;
    }

    static QStringList menus(MainWindow &window)
    {
        QStringList out;
        for (QAction *a : window.menuBar()->actions())
            out << a->text();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        makeTeam(*m_store->db);
        m_li = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void settingsSwitchesTheWindowAtOnce()
    {
        LanguageLoader loader;
        QVERIFY(loader.install(QStringLiteral("en")));
        MainWindow window(*m_li, nullptr);
        // What the desktop does with the window's request (ui/Desktop).
        connect(&window, &MainWindow::languageChosen, &window,
                [&](const QString &setting) { loader.install(LanguageLoader::resolve(setting)); });
        window.show();
        QVERIFY(navigation(window).contains(QStringLiteral("Customers")));
        QCOMPARE(menus(window).value(0), QStringLiteral("&File"));
        const int viewCount = int(navigation(window).size());

        window.showView(QStringLiteral("settings"));
        auto *language = window.view(QStringLiteral("settings"))->findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(language);
        language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
        QTRY_VERIFY(navigation(window).contains(QStringLiteral("客户")));
        QCOMPARE(navigation(window).size(), viewCount);
        QCOMPARE(window.windowTitle(), QStringLiteral("CRM 工作台"));
        QCOMPARE(menus(window).value(0), QStringLiteral("文件(&F)"));
        QCOMPARE(menus(window).size(), 3); // the old menus went, not added to
        QCOMPARE(window.currentViewId(), QStringLiteral("settings"));
        QCOMPARE(UiSettings().language(), QStringLiteral("zh_CN")); // and the next start too
        // The rebuilt settings view shows the choice, and switching back works the same way.
        language = window.view(QStringLiteral("settings"))->findChild<QComboBox *>(QStringLiteral("language"));
        QCOMPARE(language->currentData().toString(), QStringLiteral("zh_CN"));
        language->setCurrentIndex(language->findData(QStringLiteral("en")));
        QTRY_VERIFY(navigation(window).contains(QStringLiteral("Customers")));
        QCOMPARE(window.windowTitle(), QStringLiteral("CRM Workstation"));
        QCOMPARE(menus(window).size(), 3);
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
