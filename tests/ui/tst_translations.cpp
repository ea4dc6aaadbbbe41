// The desktop in Chinese: the catalogues are compiled in, the language follows the setting or the
// system, a Chinese string appears once the zh_CN translator is installed, and the .ts files are
// complete (no unfinished or empty translations).
#include "core/SeedNames.h"
#include "ui/CredentialStore.h"
#include "ui/LanguageLoader.h"
#include "ui/UiResources.h"
#include "ui/signin/SignInDialog.h"

#include <QFile>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace crm;

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        initUiResources();
    }

    void languageFollowsTheSettingThenTheSystem()
    {
        QCOMPARE(LanguageLoader::resolve(QStringLiteral("system"), QLocale(QLocale::Chinese, QLocale::China)), QStringLiteral("zh_CN"));
        QCOMPARE(LanguageLoader::resolve(QString(), QLocale(QLocale::Chinese, QLocale::Taiwan)), QStringLiteral("zh_CN"));
        QCOMPARE(LanguageLoader::resolve(QStringLiteral("system"), QLocale(QLocale::German)), QStringLiteral("en"));
        QCOMPARE(LanguageLoader::resolve(QStringLiteral("en"), QLocale(QLocale::Chinese)), QStringLiteral("en"));
        QCOMPARE(LanguageLoader::resolve(QStringLiteral("zh_CN"), QLocale(QLocale::English)), QStringLiteral("zh_CN"));
    }

    void chineseAppearsWithTheChineseTranslator()
    {
        LanguageLoader loader;
        QVERIFY(loader.install(QStringLiteral("zh_CN")));
        QVERIFY(!LanguageLoader::isEnglish());
        CredentialStore keychain(QStringLiteral("crm-test-unused"));
        {
            SignInDialog dialog(QStringLiteral("/tmp/none.sqlite"), &keychain);
            QCOMPARE(dialog.windowTitle(), QStringLiteral("登录 CRM"));
            QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("signIn"))->text(), QStringLiteral("登录"));
        }
        QCOMPARE(QCoreApplication::translate("crm::CustomerTableModel", "Last contact"), QStringLiteral("最近联系"));
        // Plurals come out right in Chinese too.
        QCOMPARE(QCoreApplication::translate("crm::CustomersView", "%Ln customer(s)", nullptr, 3000), QStringLiteral("3,000 位客户"));
        // The stages and pipelines the company starts with, as stored in English, until renamed.
        QCOMPARE(SeedNames::stage(QStringLiteral("lead")), QStringLiteral("线索"));
        QCOMPARE(SeedNames::stage(QStringLiteral("won")), QStringLiteral("赢单"));
        QCOMPARE(SeedNames::stage(QStringLiteral("初步接洽")), QStringLiteral("初步接洽"));
        QCOMPARE(SeedNames::pipeline(QStringLiteral("Renewals")), QStringLiteral("续约"));
        QCOMPARE(SeedNames::stage(QStringLiteral("negotiation")), QStringLiteral("商务谈判")); // the reports say it so too

        QVERIFY(loader.install(QStringLiteral("en")));
        SignInDialog english(QStringLiteral("/tmp/none.sqlite"), &keychain);
        QCOMPARE(english.windowTitle(), QStringLiteral("Sign in to the CRM"));
        QCOMPARE(QCoreApplication::translate("crm::CustomersView", "%Ln customer(s)", nullptr, 1), QStringLiteral("1 customer"));
        QCOMPARE(SeedNames::stage(QStringLiteral("qualified")), QStringLiteral("Qualified"));
    }

    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("zh_CN") << QStringLiteral(CRM_SOURCE_DIR "/translations/crm_zh_CN.ts");
        QTest::newRow("en") << QStringLiteral(CRM_SOURCE_DIR "/translations/crm_en.ts");
    }
    void catalogueIsComplete()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        int messages = 0;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("message"))
                ++messages;
            else if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                QVERIFY2(type != QLatin1String("unfinished") && type != QLatin1String("vanished") && type != QLatin1String("obsolete"),
                         qPrintable(type + QStringLiteral(": ") + source));
                // Plural forms are <numerusform> children; either way the translation has text.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                QVERIFY2(!text.trimmed().isEmpty(), qPrintable(QStringLiteral("empty translation: ") + source));
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
