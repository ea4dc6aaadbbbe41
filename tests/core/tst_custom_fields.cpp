// The company's custom customer fields (CustomFieldService) on SQLite and PostgreSQL: administrators
// define them, everyone who reads customers lists them, customers' values are checked against them,
// bad definitions get an error naming the field, a field in use cannot be removed, and a field's label,
// options and required flag change (not dropping an option in use, not requiring a missing value) and
// the fields reorder.
#include "core/services/AuditLog.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace crm;

namespace {

template <typename T>
T must(Result<T> r)
{
    if (!r)
        qFatal("%s", qPrintable(r.error().message));
    return std::move(r).value();
}

CustomFieldDef field(const QString &key, const QString &label, const QString &type, const QStringList &options = {})
{
    CustomFieldDef d;
    d.key = key;
    d.label = label;
    d.type = type;
    d.options = options;
    return d;
}

qint64 count(Database &db, const QString &sql)
{
    QSqlQuery q = db.prepare(sql);
    if (!db.exec(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestCustomFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void administratorsDefineEveryoneReads()
    {
        CRM_OPEN_DB(s);
        Database &db = *s.db;
        const Team t = makeTeam(db);
        CustomFieldService svc(db);
        QCOMPARE(svc.add(t.wang, field(QStringLiteral("contract_no"), QStringLiteral("合同编号"), QStringLiteral("text"))).error().code,
                 QStringLiteral("forbidden"));
        const CustomFieldDef contract = must(svc.add(t.admin, field(QStringLiteral("contract_no"), QStringLiteral("合同编号"), QStringLiteral("text"))));
        const CustomFieldDef region = must(svc.add(t.admin, field(QStringLiteral("region"), QStringLiteral("大区"), QStringLiteral("choice"),
                                                                  {QStringLiteral("华东"), QStringLiteral(" 华南 "), QStringLiteral("华东")})));
        QCOMPARE(region.options, (QStringList{QStringLiteral("华东"), QStringLiteral("华南")})); // trimmed, no repeats
        QVERIFY(region.position > contract.position);
        const QVector<CustomFieldDef> seen = must(svc.list(t.wang));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen[0].label, QStringLiteral("合同编号"));
        QCOMPARE(seen[1].key, QStringLiteral("region"));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'custom_field' AND action = 'create'")), 2);

        // Values are checked against the definitions.
        Customer c;
        c.name = QStringLiteral("定制字段客户");
        c.customFields = QJsonObject{{QStringLiteral("region"), QStringLiteral("西北")}};
        QCOMPARE(CustomerService(db).create(t.wang, c).error().field, QStringLiteral("customFields.region"));
        c.customFields = QJsonObject{{QStringLiteral("region"), QStringLiteral("华南")}, {QStringLiteral("contract_no"), QStringLiteral("HT-001")}};
        const Customer created = must(CustomerService(db).create(t.wang, c));
        QCOMPARE(must(CustomerService(db).get(t.wang, created.id)).customFields.value(QStringLiteral("region")).toString(), QStringLiteral("华南"));

        // In use: not removable until the values are cleared; unused: removed, and audited.
        QCOMPARE(svc.remove(t.admin, QStringLiteral("region")).error().code, QStringLiteral("conflict.in_use"));
        QCOMPARE(svc.remove(t.wang, QStringLiteral("region")).error().code, QStringLiteral("forbidden"));
        QCOMPARE(svc.remove(t.admin, QStringLiteral("nothing")).error().code, QStringLiteral("not_found"));
        Customer cleared = must(CustomerService(db).get(t.wang, created.id));
        cleared.customFields.remove(QStringLiteral("region"));
        must(CustomerService(db).update(t.wang, created.id, cleared, {QStringLiteral("customFields")}));
        QVERIFY(svc.remove(t.admin, QStringLiteral("region")).ok());
        QCOMPARE(must(svc.list(t.admin)).size(), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'custom_field' AND action = 'delete'")), 1);
    }

    void badDefinitionsNameTheField()
    {
        CRM_OPEN_DB(s);
        Database &db = *s.db;
        const Team t = makeTeam(db);
        CustomFieldService svc(db);
        const struct
        {
            CustomFieldDef def;
            const char *field;
        } cases[] = {
            {field(QString(), QStringLiteral("x"), QStringLiteral("text")), "key"},
            {field(QStringLiteral("Contract"), QStringLiteral("x"), QStringLiteral("text")), "key"},
            {field(QStringLiteral("a b"), QStringLiteral("x"), QStringLiteral("text")), "key"},
            {field(QStringLiteral("x1"), QString(), QStringLiteral("text")), "label"},
            {field(QStringLiteral("x2"), QString(101, QLatin1Char('l')), QStringLiteral("text")), "label"},
            {field(QStringLiteral("x3"), QStringLiteral("x"), QStringLiteral("colour")), "type"},
            {field(QStringLiteral("x4"), QStringLiteral("x"), QStringLiteral("choice")), "options"},
        };
        for (const auto &c : cases) {
            const auto r = svc.add(t.admin, c.def);
            QVERIFY2(!r && r.error().isValidation(), c.field);
            QCOMPARE(r.error().field, QLatin1String(c.field));
        }
        must(svc.add(t.admin, field(QStringLiteral("grade"), QStringLiteral("等级"), QStringLiteral("number"))));
        QCOMPARE(svc.add(t.admin, field(QStringLiteral("grade"), QStringLiteral("again"), QStringLiteral("text"))).error().code,
                 QStringLiteral("conflict.duplicate"));
        // Required only while no customer exists (every existing one would fail its next save).
        Customer c;
        c.name = QStringLiteral("已有客户");
        must(CustomerService(db).create(t.wang, c));
        CustomFieldDef required = field(QStringLiteral("must"), QStringLiteral("必填"), QStringLiteral("text"));
        required.required = true;
        QCOMPARE(svc.add(t.admin, required).error().field, QStringLiteral("required"));
        QCOMPARE(must(svc.list(t.admin)).size(), 1); // nothing else was written
    }

    void changedAndReordered()
    {
        CRM_OPEN_DB(s);
        Database &db = *s.db;
        const Team t = makeTeam(db);
        CustomFieldService svc(db);
        must(svc.add(t.admin, field(QStringLiteral("contract_no"), QStringLiteral("合同编号"), QStringLiteral("text"))));
        must(svc.add(t.admin, field(QStringLiteral("region"), QStringLiteral("大区"), QStringLiteral("choice"),
                                    {QStringLiteral("华东"), QStringLiteral("华南"), QStringLiteral("华北")})));
        must(svc.add(t.admin, field(QStringLiteral("grade"), QStringLiteral("等级"), QStringLiteral("number"))));
        Customer c;
        c.name = QStringLiteral("华南客户");
        c.customFields = QJsonObject{{QStringLiteral("region"), QStringLiteral("华南")}};
        const Customer south = must(CustomerService(db).create(t.wang, c));

        // Relabelled, an option added and an unused one dropped; key and type stay whatever is asked.
        CustomFieldDef changes = field(QStringLiteral("ignored"), QStringLiteral(" 销售大区 "), QStringLiteral("text"),
                                       {QStringLiteral("华南"), QStringLiteral("华东"), QStringLiteral("西南")});
        QCOMPARE(svc.update(t.wang, QStringLiteral("region"), changes).error().code, QStringLiteral("forbidden"));
        const CustomFieldDef region = must(svc.update(t.admin, QStringLiteral("region"), changes));
        QCOMPARE(region.label, QStringLiteral("销售大区"));
        QCOMPARE(region.key, QStringLiteral("region"));
        QCOMPARE(region.type, QStringLiteral("choice"));
        QCOMPARE(region.options, (QStringList{QStringLiteral("华南"), QStringLiteral("华东"), QStringLiteral("西南")}));
        QCOMPARE(must(svc.list(t.wang)).at(1).label, QStringLiteral("销售大区"));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'custom_field' AND action = 'update'"
                                          " AND field IN ('label', 'options')")),
                 2);
        c.customFields = QJsonObject{{QStringLiteral("region"), QStringLiteral("西南")}};
        must(CustomerService(db).create(t.wang, c)); // the new option is valid at once

        // Dropping an option a customer holds is refused and changes nothing.
        changes.options = {QStringLiteral("华东"), QStringLiteral("西南")};
        changes.label = QStringLiteral("不该保存");
        const auto dropped = svc.update(t.admin, QStringLiteral("region"), changes);
        QCOMPARE(dropped.error().code, QStringLiteral("conflict.in_use"));
        QCOMPARE(dropped.error().field, QStringLiteral("options"));
        QCOMPARE(must(svc.list(t.admin)).at(1).label, QStringLiteral("销售大区"));
        QCOMPARE(svc.update(t.admin, QStringLiteral("nothing"), changes).error().code, QStringLiteral("not_found"));
        changes.label = QString();
        QCOMPARE(svc.update(t.admin, QStringLiteral("region"), changes).error().field, QStringLiteral("label"));

        // Required only once every customer has a value.
        CustomFieldDef grade = field(QString(), QStringLiteral("等级"), QString());
        grade.required = true;
        QCOMPARE(svc.update(t.admin, QStringLiteral("grade"), grade).error().field, QStringLiteral("required"));
        QCOMPARE(must(svc.list(t.admin)).at(2).required, false);
        CustomFieldDef regionRequired = region;
        regionRequired.required = true;
        QVERIFY(must(svc.update(t.admin, QStringLiteral("region"), regionRequired)).required); // both customers have one
        Customer without;
        without.name = QStringLiteral("没有大区");
        QCOMPARE(CustomerService(db).create(t.wang, without).error().field, QStringLiteral("customFields.region"));
        QVERIFY(must(CustomerService(db).get(t.wang, south.id)).customFields.contains(QStringLiteral("region")));

        // Reordered: every key once, else nothing moves.
        QCOMPARE(svc.reorder(t.wang, {QStringLiteral("grade"), QStringLiteral("region"), QStringLiteral("contract_no")}).error().code,
                 QStringLiteral("forbidden"));
        for (const QStringList &bad : {QStringList{QStringLiteral("grade"), QStringLiteral("region")},
                                       QStringList{QStringLiteral("grade"), QStringLiteral("grade"), QStringLiteral("region")},
                                       QStringList{QStringLiteral("grade"), QStringLiteral("region"), QStringLiteral("contract_no"),
                                                   QStringLiteral("x")}})
            QCOMPARE(svc.reorder(t.admin, bad).error().field, QStringLiteral("keys"));
        QVERIFY(svc.reorder(t.admin, {QStringLiteral("grade"), QStringLiteral("region"), QStringLiteral("contract_no")}).ok());
        QStringList order;
        for (const CustomFieldDef &d : must(svc.list(t.wang)))
            order << d.key;
        QCOMPARE(order, (QStringList{QStringLiteral("grade"), QStringLiteral("region"), QStringLiteral("contract_no")}));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'custom_field' AND field = 'position'")), 2); // region stayed
    }
};

QTEST_GUILESS_MAIN(TestCustomFields)
#include "tst_custom_fields.moc"
