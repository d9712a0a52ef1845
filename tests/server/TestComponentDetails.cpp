// PATCH /api/v1/components/{name} through the real hivemind-server over
// loopback, with the reference component as a child process: the
// name-level fields (display name, description, category, icon) change for
// every version, only for administrators; bad input (lengths, icons the
// console does not draw, wrong types, no fields, built-ins, unknown names)
// is refused with the catalogue's codes and stores nothing; changes are
// audited; a named registration takes the same checks.

#include "../core/engine/TestHttpSupport.h"
#include "FlowTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace hm::test;

namespace {

const QString kOperatorPassword = QStringLiteral("Us3r!Secret");

QJsonObject detailsOf(const QJsonArray &items, const QString &name)
{
    for (const QJsonValue &item : items) {
        if (item["name"].toString() == name && !item["builtin"].toBool())
            return item.toObject();
    }
    return {};
}

} // namespace

class TestComponentDetails : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QString m_user;
    std::unique_ptr<ReferenceComponent> m_ref;
    QUrl m_url;

    QJsonArray components()
    {
        return m_http->get("/api/v1/components", m_admin).data().value("items").toArray();
    }
    Answer patch(const QString &name, const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("PATCH", "/api/v1/components/" + name, body,
                            token.isEmpty() ? m_admin : token);
    }

private slots:
    void initTestCase()
    {
        m_ref = std::make_unique<ReferenceComponent>();
        m_url = m_ref->start();
        QVERIFY2(!m_url.isEmpty(), "the reference component did not start");
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const ApiUser user = createApiUser(*m_http, m_admin, "operator", kOperatorPassword, "user");
        QCOMPARE(user.status, 201);
        m_user = user.token;
        const Answer registered =
            m_http->json("POST", "/api/v1/components", {{"endpoint", m_url.toString()}}, m_admin);
        QCOMPARE(registered.status, 201);
    }

    void updatesEveryVersionAndIsAudited()
    {
        const Answer answer = patch("echo", {{"display_name", "  Echo back  "},
                                             {"description", "Answers what it gets"},
                                             {"category", "testing"},
                                             {"icon", "message"}});
        QCOMPARE(answer.status, 200);
        const QJsonArray items = answer.data().value("items").toArray();
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &item : items) {
            QCOMPARE(item["name"].toString(), QStringLiteral("echo"));
            QCOMPARE(item["display_name"].toString(), QStringLiteral("Echo back"));
            QCOMPARE(item["category"].toString(), QStringLiteral("testing"));
            QCOMPARE(item["icon"].toString(), QStringLiteral("message"));
        }
        // Read back: stored, and other components untouched.
        const QJsonArray listed = components();
        const QJsonObject echo = detailsOf(listed, "echo");
        QCOMPARE(echo["description"].toString(), QStringLiteral("Answers what it gets"));
        QCOMPARE(echo["icon"].toString(), QStringLiteral("message"));
        QCOMPARE(detailsOf(listed, "uppercase")["display_name"].toString(),
                 QStringLiteral("uppercase"));

        // Only what is given changes; null clears; an empty display name is
        // the name again.
        const Answer partial = patch("echo", {{"category", QJsonValue()}, {"display_name", ""}});
        QCOMPARE(partial.status, 200);
        const QJsonObject after = detailsOf(components(), "echo");
        QCOMPARE(after["category"], QJsonValue());
        QCOMPARE(after["display_name"].toString(), QStringLiteral("echo"));
        QCOMPARE(after["icon"].toString(), QStringLiteral("message"));
        QCOMPARE(after["description"].toString(), QStringLiteral("Answers what it gets"));

        const Answer audit = m_http->get("/api/v1/audit?action=COMPONENT_UPDATED", m_admin);
        const QJsonArray rows = audit.data().value("audit_logs").toArray();
        QCOMPARE(rows.size(), 2);
        QVERIFY(!rows[0]["resource_id"].toString().isEmpty());
        bool sawIcon = false;
        for (const QJsonValue &row : rows)
            sawIcon = sawIcon || row["details"]["icon"].toString() == QLatin1String("message");
        QVERIFY(sawIcon);
    }

    void badInputIsRefusedAndStoresNothing()
    {
        QVERIFY(patch("echo", {{"display_name", "Echo"}, {"icon", "file"}}).status == 200);
        const QJsonObject before = detailsOf(components(), "echo");

        struct Case
        {
            const char *what;
            QJsonObject body;
            QString field;
        };
        const QList<Case> cases{
            {"long display name", {{"display_name", QString(256, u'x')}}, "display_name"},
            {"long description", {{"description", QString(4001, u'x')}}, "description"},
            {"long category", {{"category", QString(101, u'x')}}, "category"},
            {"unknown icon", {{"icon", "https://example.com/x.png"}}, "icon"},
            {"not a string", {{"category", 5}}, "category"},
            {"nothing to change", {{"unrelated", "x"}}, "display_name"},
            // All or nothing: a valid field beside a bad one is not stored.
            {"one bad of two", {{"display_name", "Changed"}, {"icon", "no-such"}}, "icon"},
        };
        for (const Case &c : cases) {
            const Answer refused = patch("echo", c.body);
            QVERIFY2(refused.status == 422, c.what);
            QVERIFY2(refused.code() == QLatin1String("VALIDATION_ERROR"), c.what);
            QVERIFY2(refused.details().value("field").toString() == c.field, c.what);
        }
        const Answer tooLong = patch("echo", {{"description", QString(4001, u'x')}});
        QCOMPARE(tooLong.details().value("max_length").toInt(), 4000);
        const Answer icon = patch("echo", {{"icon", "no-such"}});
        QVERIFY(icon.details().value("allowed").toArray().contains(QJsonValue("image")));
        QCOMPARE(detailsOf(components(), "echo"), before);

        // Not JSON at all (the server's answer to any unreadable body).
        const Answer unreadable =
            m_http->send("PATCH", "/api/v1/components/echo", "{", m_http->bearer(m_admin));
        QCOMPARE(unreadable.status, 422);
        QCOMPARE(unreadable.code(), QStringLiteral("VALIDATION_ERROR"));

        // A built-in has no such fields; an unknown name is not found.
        const Answer builtin = patch("delay", {{"category", "timing"}});
        QCOMPARE(builtin.status, 422);
        QCOMPARE(builtin.code(), QStringLiteral("VALIDATION_ERROR"));
        const Answer missing = patch("no-such-component", {{"category", "x"}});
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.code(), QStringLiteral("COMPONENT_NOT_FOUND"));
        QCOMPARE(detailsOf(components(), "echo"), before);
    }

    void onlyAdministrators()
    {
        const QJsonObject before = detailsOf(components(), "echo");
        const Answer refused = patch("echo", {{"category", "mine"}}, m_user);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        QCOMPARE(m_http->json("PATCH", "/api/v1/components/echo", {{"category", "x"}}, {}).status,
                 401);
        QCOMPARE(detailsOf(components(), "echo"), before);
    }

    void namedRegistrationChecksTheIconToo()
    {
        const Answer refused = m_http->json(
            "POST", "/api/v1/components",
            {{"endpoint", m_url.toString()}, {"name", "uppercase"}, {"icon", "sparkles"}}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("icon"));
        QCOMPARE(detailsOf(components(), "uppercase")["icon"], QJsonValue());
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->process().terminate();
    }
};

QTEST_GUILESS_MAIN(TestComponentDetails)
#include "TestComponentDetails.moc"
