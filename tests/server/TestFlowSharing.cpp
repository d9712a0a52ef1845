// Flow sharing and the per-flow permission table through the real
// hivemind-server process (seed 003 §14): share routes and their errors,
// pending invitations accepted when the account is created, the
// authorization matrix of roles x share levels x route groups, the
// triggerer's right to stop an execution, and the node / metrics routes
// from the engine and, after a restart, from the history.

#include "FlowTestSupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Str0ng!Passw0rd");

// log -> noop; the log node sees a secret among its inputs.
QJsonObject logging()
{
    return flowDefinition(
        {flowNode("say", "log", {{"v", "$.trigger.v"}, {"password", "$.trigger.password"}},
                  {{"message", "hello from say"}}),
         flowNode("after", "noop", {{"v", "$.nodes.say.output.v"}})},
        {flowEdge("say", "after")});
}

// An http-request to a closed port, retried twice without back-off.
QJsonObject refused()
{
    return flowDefinition({flowNode("call", "http-request", {{"url", "$.trigger.url"}})});
}

QString errorField(const Answer &a)
{
    return a.details().value("field").toString();
}

QStringList idsOf(const Answer &a, const QString &key = QStringLiteral("id"))
{
    QStringList ids;
    for (const QJsonValue item : a.data().value("items").toArray())
        ids.append(item.toObject().value(key).toString());
    return ids;
}

// The id of `userId`'s share in a list answer. Not by position: shares
// made in the same millisecond list in id order, which is random.
QString shareIdOf(const Answer &a, const QString &userId)
{
    for (const QJsonValue item : a.data().value("items").toArray()) {
        if (item.toObject().value("user_id").toString() == userId)
            return item.toObject().value("id").toString();
    }
    return {};
}

// id, who and level of each share in a list answer.
QStringList shareSummary(const Answer &a)
{
    QStringList rows;
    for (const QJsonValue item : a.data().value("items").toArray()) {
        const QJsonObject o = item.toObject();
        rows.append(o.value("id").toString() + u' ' + o.value("user_id").toString() + u' ' +
                    o.value("invited_email").toString() + u' ' + o.value("permission").toString());
    }
    return rows;
}

using Account = ApiUser;

// The route groups of the authorization matrix, in the order of the
// expectation strings. `user` = the route needs at least the USER role.
struct Group
{
    const char *name;
    bool user;
    bool execution; // 404 is EXECUTION_NOT_FOUND rather than FLOW_NOT_FOUND
    bool share;     // 403 is SHARE_ACCESS_DENIED rather than FORBIDDEN
};
const Group kGroups[] = {
    {"read", false, false, false},      {"list", false, false, false},
    {"update", true, false, false},     {"version", true, false, false},
    {"publish", true, false, false},    {"trigger", true, false, false},
    {"executions", false, true, false}, {"execution", false, true, false},
    {"status", false, true, false},     {"node", false, true, false},
    {"metrics", false, true, false},    {"cancel", true, true, false},
    {"kill", true, true, false},        {"rerun", true, true, false},
    {"shares", false, false, true},     {"share", true, false, true},
    {"hook", false, false, false},      {"rotate", true, false, false},
    {"unhook", true, false, false},     {"webhook", true, false, false},
    {"delete", true, false, false},
};

} // namespace

class TestFlowSharing : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_flows = 0;
    QHash<QString, Account> m_accounts;
    // Kept for the restart test: executions whose details were read live.
    QString m_logExecution;
    QString m_retryExecution;
    QString m_sharedFlow;

    Account account(const QString &name, const QString &role)
    {
        if (m_accounts.contains(name))
            return m_accounts.value(name);
        const Account a = createApiUser(*m_http, m_admin, name, kPassword, role);
        if (a.status != 201)
            return {};
        m_accounts.insert(name, a);
        return a;
    }
    QString createFlow(const QString &token, const QJsonObject &def = delayFlow(),
                       const QJsonObject &settings = {})
    {
        return createPublishedFlow(*m_http, token, QStringLiteral("shared%1").arg(++m_flows), def,
                                   settings);
    }
    Answer share(const QString &flowId, const QString &email, const QString &permission,
                 const QString &token)
    {
        return m_http->json("POST", "/api/v1/flows/" + flowId + "/shares",
                            {{"email", email}, {"permission", permission}}, token);
    }
    QString trigger(const QString &flowId, const QString &token)
    {
        return m_http->json("POST", "/api/v1/flows/" + flowId + "/trigger", {}, token)
            .data()
            .value("execution_id")
            .toString();
    }
    QString statusOf(const QString &executionId)
    {
        return executionStatus(*m_http, m_admin, executionId);
    }
    Answer del(const QString &path, const QString &token)
    {
        return m_http->send("DELETE", path, {}, Http::bearer(token));
    }
    // Ids of audit rows of `action` about `flowId`.
    QStringList audited(const QString &action, const QString &flowId)
    {
        const Answer rows =
            m_http->get("/api/v1/audit?size=100&resource_type=flow&action=" + action, m_admin);
        QStringList details;
        for (const QJsonValue row : rows.data().value("audit_logs").toArray()) {
            if (row.toObject().value("resource_id").toString() == flowId)
                details.append(QString::fromUtf8(
                    QJsonDocument(row.toObject().value("details").toObject()).toJson()));
        }
        return details;
    }
    // Kills whatever still runs of the flow (the matrix leaves delays behind).
    void killAll(const QString &flowId)
    {
        const Answer running =
            m_http->get("/api/v1/executions?size=100&status=running&flow_id=" + flowId, m_admin);
        for (const QString &id : idsOf(running, "execution_id"))
            m_http->send("POST", "/api/v1/executions/" + id + "/kill", {}, Http::bearer(m_admin));
    }
    void restart()
    {
        QVERIFY(stopServer());
        const QString failure = restartServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it)
            it->token = m_http->accessToken(it.key(), kPassword);
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (const char *user : {"alice", "bob", "carol", "mxuser"})
            QVERIFY(!account(QLatin1String(user), "user").token.isEmpty());
        QVERIFY(!account("mxadmin", "admin").token.isEmpty());
        QVERIFY(!account("mxviewer", "viewer").token.isEmpty());
    }

    void shareListChangeRemove()
    {
        const Account alice = account("alice", "user");
        const Account bob = account("bob", "user");
        const QString flowId = createFlow(alice.token);
        QVERIFY(!flowId.isEmpty());
        QCOMPARE(m_http->get("/api/v1/flows/" + flowId, bob.token).status, 404);

        const Answer created = share(flowId, "BOB@example.com", "edit", alice.token);
        QCOMPARE(created.status, 201);
        const QJsonObject s = created.data();
        const QString shareId = s.value("id").toString();
        QVERIFY(!shareId.isEmpty());
        QCOMPARE(s.value("flow_id").toString(), flowId);
        QCOMPARE(s.value("user_id").toString(), bob.id);
        QCOMPARE(s.value("user_email").toString(), bob.email);
        QCOMPARE(s.value("user_name").toString(), QStringLiteral("bob"));
        QVERIFY(s.value("invited_email").isNull());
        QCOMPARE(s.value("permission").toString(), QStringLiteral("edit"));
        QCOMPARE(s.value("pending").toBool(), false);
        QCOMPARE(s.value("shared_by").toString(), alice.id);
        QCOMPARE(s.value("shared_by_name").toString(), QStringLiteral("alice"));
        QVERIFY(s.value("accepted_at").isString());
        QVERIFY(s.value("created_at").isString());

        const Answer got = m_http->get("/api/v1/flows/" + flowId, bob.token);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.data().value("my_permission").toString(), QStringLiteral("edit"));

        const Answer listed = m_http->get("/api/v1/flows/" + flowId + "/shares", alice.token);
        QCOMPARE(listed.status, 200);
        QCOMPARE(idsOf(listed), QStringList{shareId});

        const QString path = "/api/v1/flows/" + flowId + "/shares/" + shareId;
        const Answer toAdmin = m_http->json("PUT", path, {{"permission", "admin"}}, alice.token);
        QCOMPARE(toAdmin.status, 200);
        QCOMPARE(toAdmin.data().value("permission").toString(), QStringLiteral("admin"));
        // The seed's form: ?permission= without a body.
        const Answer toView = m_http->json("PUT", path + "?permission=view", {}, alice.token);
        QCOMPARE(toView.status, 200);
        QCOMPARE(toView.data().value("permission").toString(), QStringLiteral("view"));
        QCOMPARE(m_http->get("/api/v1/flows/" + flowId, bob.token)
                     .data()
                     .value("my_permission")
                     .toString(),
                 QStringLiteral("view"));

        const Answer removed = del(path, alice.token);
        QCOMPARE(removed.status, 200);
        QCOMPARE(removed.data().value("deleted").toBool(), true);
        QVERIFY(idsOf(m_http->get("/api/v1/flows/" + flowId + "/shares", alice.token)).isEmpty());
        const Answer gone = m_http->get("/api/v1/flows/" + flowId, bob.token);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.code(), QStringLiteral("FLOW_NOT_FOUND"));

        QCOMPARE(audited("FLOW_SHARE_CREATED", flowId).size(), 1);
        QCOMPARE(audited("FLOW_SHARE_UPDATED", flowId).size(), 2);
        QVERIFY(audited("FLOW_SHARE_UPDATED", flowId).join(u' ').contains("previous_permission"));
        QCOMPARE(audited("FLOW_SHARE_DELETED", flowId).size(), 1);
        QCOMPARE(audited("FLOW_PUBLISHED", flowId).size(), 1);
    }

    void sharedWithMeAndListFilters()
    {
        const Account alice = account("alice", "user");
        const Account bob = account("bob", "user");
        const Account carol = account("carol", "user");
        const QString sharedFlow = createFlow(alice.token);
        const QString privateFlow = createFlow(alice.token);
        const QString bobsFlow = createFlow(bob.token);
        const QString carolsFlow = createFlow(carol.token);
        QCOMPARE(share(sharedFlow, bob.email, "view", alice.token).status, 201);
        QCOMPARE(share(carolsFlow, bob.email, "admin", carol.token).status, 201);
        m_sharedFlow = sharedFlow;

        // A literal path, not the flow "shared-with-me".
        const Answer mine = m_http->get("/api/v1/flows/shared-with-me", bob.token);
        QCOMPARE(mine.status, 200);
        const QStringList sharedIds = idsOf(mine);
        QVERIFY(sharedIds.contains(sharedFlow));
        QVERIFY(sharedIds.contains(carolsFlow));
        QVERIFY(!sharedIds.contains(bobsFlow));
        QVERIFY(!sharedIds.contains(privateFlow));
        QCOMPARE(mine.data().value("pagination").toObject().value("total").toInt(),
                 sharedIds.size());
        for (const QJsonValue item : mine.data().value("items").toArray()) {
            const QJsonObject o = item.toObject();
            if (o.value("id").toString() != sharedFlow)
                continue;
            QCOMPARE(o.value("my_permission").toString(), QStringLiteral("view"));
            QCOMPARE(o.value("effective_permission").toString(), QStringLiteral("view"));
            QCOMPARE(o.value("shared_by").toString(), alice.id);
            QCOMPARE(o.value("shared_by_name").toString(), QStringLiteral("alice"));
            QCOMPARE(o.value("owner_id").toString(), alice.id);
            QVERIFY(o.value("shared_at").isString());
        }

        const QStringList all = idsOf(m_http->get("/api/v1/flows?size=100", bob.token));
        QVERIFY(all.contains(sharedFlow));
        QVERIFY(all.contains(carolsFlow));
        QVERIFY(all.contains(bobsFlow));
        QVERIFY(!all.contains(privateFlow));
        const QStringList own = idsOf(m_http->get("/api/v1/flows?size=100&owner=me", bob.token));
        QVERIFY(own.contains(bobsFlow));
        QVERIFY(!own.contains(sharedFlow));
        const QStringList viaShare =
            idsOf(m_http->get("/api/v1/flows?size=100&shared_with_me=true", bob.token));
        QVERIFY(viaShare.contains(sharedFlow));
        QVERIFY(viaShare.contains(carolsFlow));
        QVERIFY(!viaShare.contains(bobsFlow));
        const QStringList ofAlice =
            idsOf(m_http->get("/api/v1/flows?size=100&owner=" + alice.id, bob.token));
        QCOMPARE(ofAlice, QStringList{sharedFlow});
        const Answer bad = m_http->get("/api/v1/flows?shared_with_me=maybe", bob.token);
        QCOMPARE(bad.status, 422);
        QCOMPARE(errorField(bad), QStringLiteral("shared_with_me"));

        // ADMIN sees every flow, and the list says what each caller may do.
        const QStringList everything = idsOf(m_http->get("/api/v1/flows?size=100", m_admin));
        QVERIFY(everything.contains(privateFlow));
        for (const QJsonValue item :
             m_http->get("/api/v1/flows?size=100", bob.token).data().value("items").toArray()) {
            const QJsonObject o = item.toObject();
            const QString id = o.value("id").toString();
            const QString expected = id == bobsFlow     ? QStringLiteral("owner")
                                     : id == carolsFlow ? QStringLiteral("admin")
                                     : id == sharedFlow ? QStringLiteral("view")
                                                        : QString();
            if (!expected.isEmpty())
                QCOMPARE(o.value("my_permission").toString(), expected);
        }
    }

    void pendingInviteAcceptedOnRegistration()
    {
        const Account alice = account("alice", "user");
        const QString flowId = createFlow(alice.token);
        const Answer invited = share(flowId, "newbie@example.com", "edit", alice.token);
        QCOMPARE(invited.status, 201);
        QCOMPARE(invited.data().value("pending").toBool(), true);
        QVERIFY(invited.data().value("user_id").isNull());
        QCOMPARE(invited.data().value("invited_email").toString(),
                 QStringLiteral("newbie@example.com"));
        QVERIFY(invited.data().value("accepted_at").isNull());
        const QString shareId = invited.data().value("id").toString();

        QCOMPARE(
            m_http
                ->json("PUT", "/api/v1/auth/settings", {{"auth.self_registration", true}}, m_admin)
                .status,
            200);
        // Another spelling of the address: e-mail addresses match in any case.
        const Answer registered = m_http->json(
            "POST", "/api/v1/auth/register",
            {{"email", "NewBie@Example.com"}, {"password", kPassword}, {"username", "newbie"}});
        QCOMPARE(registered.status, 201);
        const QString newbieId = registered.data().value("id").toString();
        const QString newbie = m_http->accessToken("newbie", kPassword);
        QVERIFY(!newbie.isEmpty());

        const Answer got = m_http->get("/api/v1/flows/" + flowId, newbie);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.data().value("my_permission").toString(), QStringLiteral("edit"));
        const Answer shares = m_http->get("/api/v1/flows/" + flowId + "/shares", alice.token);
        QCOMPARE(idsOf(shares), QStringList{shareId});
        const QJsonObject accepted = shares.data().value("items").toArray().first().toObject();
        QCOMPARE(accepted.value("pending").toBool(), false);
        QCOMPARE(accepted.value("user_id").toString(), newbieId);
        QVERIFY(accepted.value("accepted_at").isString());
        QCOMPARE(idsOf(m_http->get("/api/v1/flows/shared-with-me", newbie)), QStringList{flowId});

        // The administrator's way of creating accounts accepts invitations too.
        QCOMPARE(share(flowId, "made@example.com", "view", alice.token).status, 201);
        const Account made = account("made", "user");
        QVERIFY(!made.token.isEmpty());
        const Answer seen = m_http->get("/api/v1/flows/" + flowId, made.token);
        QCOMPARE(seen.status, 200);
        QCOMPARE(seen.data().value("my_permission").toString(), QStringLiteral("view"));
    }

    void shareErrors()
    {
        const Account alice = account("alice", "user");
        const Account bob = account("bob", "user");
        const Account carol = account("carol", "user");
        const QString flowId = createFlow(alice.token);
        const QString otherFlow = createFlow(alice.token);
        QCOMPARE(share(flowId, bob.email, "edit", alice.token).status, 201);
        QCOMPARE(share(flowId, "later@example.com", "view", alice.token).status, 201);
        const QString otherShare =
            share(otherFlow, carol.email, "view", alice.token).data().value("id").toString();
        const QString sharesPath = "/api/v1/flows/" + flowId + "/shares";
        const QStringList before = shareSummary(m_http->get(sharesPath, alice.token));

        const Answer self = share(flowId, "Alice@Example.com", "view", alice.token);
        QCOMPARE(self.status, 400);
        QCOMPARE(self.code(), QStringLiteral("CANNOT_SHARE_TO_SELF"));

        const Answer twice = share(flowId, bob.email, "admin", alice.token);
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.code(), QStringLiteral("ALREADY_SHARED"));
        const Answer inviteTwice = share(flowId, "LATER@example.com", "edit", alice.token);
        QCOMPARE(inviteTwice.status, 409);
        QCOMPARE(inviteTwice.code(), QStringLiteral("ALREADY_SHARED"));

        const Answer badLevel = share(flowId, carol.email, "owner", alice.token);
        QCOMPARE(badLevel.status, 400);
        QCOMPARE(badLevel.code(), QStringLiteral("INVALID_PERMISSION"));
        QCOMPARE(errorField(badLevel), QStringLiteral("permission"));
        const Answer noLevel =
            m_http->json("POST", sharesPath, {{"email", carol.email}}, alice.token);
        QCOMPARE(noLevel.status, 422);
        QCOMPARE(noLevel.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(errorField(noLevel), QStringLiteral("permission"));
        const Answer noEmail =
            m_http->json("POST", sharesPath, {{"permission", "view"}}, alice.token);
        QCOMPARE(noEmail.status, 422);
        QCOMPARE(errorField(noEmail), QStringLiteral("email"));
        const Answer notEmail = share(flowId, "not-an-address", "view", alice.token);
        QCOMPARE(notEmail.status, 422);
        QCOMPARE(errorField(notEmail), QStringLiteral("email"));

        const QString missing = sharesPath + "/00000000-0000-0000-0000-000000000000";
        const Answer noShare = m_http->json("PUT", missing, {{"permission", "view"}}, alice.token);
        QCOMPARE(noShare.status, 404);
        QCOMPARE(noShare.code(), QStringLiteral("SHARE_NOT_FOUND"));
        QCOMPARE(del(missing, alice.token).code(), QStringLiteral("SHARE_NOT_FOUND"));
        // A share of another flow is not found through this one.
        QCOMPARE(del(sharesPath + "/" + otherShare, alice.token).code(),
                 QStringLiteral("SHARE_NOT_FOUND"));
        const QString bobShare = shareIdOf(m_http->get(sharesPath, alice.token), bob.id);
        QVERIFY(!bobShare.isEmpty());
        const Answer badUpdate = m_http->json(
            "PUT", sharesPath + "/" + bobShare + "?permission=superuser", {}, alice.token);
        QCOMPARE(badUpdate.status, 400);
        QCOMPARE(badUpdate.code(), QStringLiteral("INVALID_PERMISSION"));

        // Bob may edit but not manage shares; carol cannot even see the flow.
        const Answer denied = share(flowId, carol.email, "view", bob.token);
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.code(), QStringLiteral("SHARE_ACCESS_DENIED"));
        QCOMPARE(m_http->get(sharesPath, bob.token).code(), QStringLiteral("SHARE_ACCESS_DENIED"));
        const Answer hidden = m_http->get(sharesPath, carol.token);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(hidden.code(), QStringLiteral("FLOW_NOT_FOUND"));
        const Answer unknownFlow =
            share("00000000-0000-0000-0000-000000000000", carol.email, "view", alice.token);
        QCOMPARE(unknownFlow.code(), QStringLiteral("FLOW_NOT_FOUND"));

        // An admin-level sharer cannot share the flow with its owner.
        QCOMPARE(
            m_http->json("PUT", sharesPath + "/" + bobShare, {{"permission", "admin"}}, alice.token)
                .status,
            200);
        const Answer toOwner = share(flowId, alice.email, "view", bob.token);
        QCOMPARE(toOwner.status, 409);
        QCOMPARE(toOwner.code(), QStringLiteral("ALREADY_SHARED"));
        QCOMPARE(
            m_http->json("PUT", sharesPath + "/" + bobShare, {{"permission", "edit"}}, alice.token)
                .status,
            200);

        // None of the refused requests changed anything.
        QCOMPARE(shareSummary(m_http->get(sharesPath, alice.token)), before);
    }

    void authorizationMatrix_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("expected");
        // Columns: read list update version publish trigger executions
        // execution status node metrics cancel kill rerun shares share hook
        // rotate unhook webhook delete (hook: GET the webhook state, rotate:
        // POST over an existing webhook, unhook: DELETE it, webhook: POST a
        // new one; all four need edit on the flow).
        // The role caps the share: a VIEWER never gets more than view, and
        // every route that changes something refuses VIEWER by role first.
        const QString admin =
            "200 yes 200 201 200 200 yes 200 200 200 200 200 200 200 200 201 200 201 200 201 200";
        const QString viewer =
            "200 yes 403 403 403 403 yes 200 200 200 200 403 403 403 403 403 403 403 403 403 403";
        for (const char *level : {"none", "view", "edit", "admin", "owner"})
            QTest::newRow(qPrintable(QStringLiteral("admin/") + QLatin1String(level)))
                << "admin" << level << admin;
        QTest::newRow("user/none")
            << "user"
            << "none"
            << "404 no 404 404 404 404 no 404 404 404 404 404 404 404 404 404 404 404 404 404 404";
        QTest::newRow("user/view") << "user"
                                   << "view"
                                   << "200 yes 403 403 403 200 yes 200 200 200 200 403 403 403 403 "
                                      "403 403 403 403 403 403";
        QTest::newRow("user/edit") << "user"
                                   << "edit"
                                   << "200 yes 200 201 200 200 yes 200 200 200 200 200 200 200 403 "
                                      "403 200 201 200 201 403";
        QTest::newRow("user/admin") << "user"
                                    << "admin"
                                    << "200 yes 200 201 200 200 yes 200 200 200 200 200 200 200 "
                                       "200 201 200 201 200 201 403";
        QTest::newRow("user/owner") << "user"
                                    << "owner" << admin;
        QTest::newRow("viewer/none")
            << "viewer"
            << "none"
            << "404 no 403 403 403 403 no 404 404 404 404 403 403 403 404 403 404 403 403 403 403";
        for (const char *level : {"view", "edit", "admin", "owner"})
            QTest::newRow(qPrintable(QStringLiteral("viewer/") + QLatin1String(level)))
                << "viewer" << level << viewer;
    }

    void authorizationMatrix()
    {
        QFETCH(QString, role);
        QFETCH(QString, level);
        QFETCH(QString, expected);
        const QStringList cells = expected.split(u' ');
        QCOMPARE(cells.size(), int(std::size(kGroups)));

        // The caller, and the owner of this row's flow (alice, or the
        // caller itself for "owner"; a VIEWER owner is a USER demoted after
        // creating the flow, as happens when an admin lowers a role).
        Account caller;
        Account owner = account("alice", "user");
        if (level == QLatin1String("owner")) {
            caller = role == QLatin1String("viewer") ? account("mxvowner", "user")
                                                     : account("mx" + role, role);
            owner = caller;
        } else {
            caller = account("mx" + role, role);
        }
        QVERIFY(!caller.token.isEmpty());
        const QString flowId = createFlow(owner.token);
        QVERIFY(!flowId.isEmpty());
        if (level != QLatin1String("none") && level != QLatin1String("owner"))
            QCOMPARE(share(flowId, caller.email, level, owner.token).status, 201);
        const QString e1 = trigger(flowId, owner.token);
        const QString e2 = trigger(flowId, owner.token);
        const QString e3 = trigger(flowId, owner.token);
        QVERIFY(!e1.isEmpty() && !e2.isEmpty() && !e3.isEmpty());
        // Only an execution that ended can be re-run.
        QCOMPARE(
            m_http->send("POST", "/api/v1/executions/" + e3 + "/kill", {}, Http::bearer(m_admin))
                .status,
            200);
        QTRY_COMPARE(statusOf(e3), QStringLiteral("cancelled"));
        // A draft version 2 for the caller to publish, and a webhook for the
        // caller to rotate, both made by the administrator.
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/flows/" + flowId + "/versions",
                            {{"definition", delayFlow()}}, m_admin)
                     .status,
                 201);
        const Answer hook =
            m_http->json("POST", "/api/v1/flows/" + flowId + "/webhook", {}, m_admin);
        QCOMPARE(hook.status, 201);
        const QString hookPath = hook.data().value("path").toString();
        if (role == QLatin1String("viewer") && level == QLatin1String("owner")) {
            const Answer demoted =
                m_http->json("PUT", "/api/v1/users/" + caller.id, {{"role", "viewer"}}, m_admin);
            QCOMPARE(demoted.status, 200);
        }

        const QString flow = "/api/v1/flows/" + flowId;
        const QString exec = "/api/v1/executions/";
        const QString t = caller.token;
        const QString invitee = QStringLiteral("invitee-%1-%2@example.com").arg(role, level);
        QStringList actual;
        QStringList codes;
        auto record = [&](const Answer &a) {
            actual.append(QString::number(a.status));
            codes.append(a.code());
        };
        auto listed = [&](bool yes) {
            actual.append(yes ? QStringLiteral("yes") : QStringLiteral("no"));
            codes.append(QString());
        };
        record(m_http->get(flow, t));
        listed(idsOf(m_http->get("/api/v1/flows?size=100", t)).contains(flowId));
        record(m_http->json("PUT", flow, {{"description", "changed by " + role}}, t));
        record(m_http->json("POST", flow + "/versions", {{"definition", delayFlow()}}, t));
        record(m_http->json("POST", flow + "/publish", {{"version", "2"}}, t));
        record(m_http->json("POST", flow + "/trigger", {}, t));
        listed(
            idsOf(m_http->get("/api/v1/executions?size=100&flow_id=" + flowId, t), "execution_id")
                .contains(e1));
        record(m_http->get(exec + e1, t));
        record(m_http->get(exec + e1 + "/status", t));
        record(m_http->get(exec + e1 + "/nodes/wait", t));
        record(m_http->get(exec + e1 + "/metrics", t));
        record(m_http->json("POST", exec + e1 + "/cancel", {}, t));
        record(m_http->send("POST", exec + e2 + "/kill", {}, Http::bearer(t)));
        record(m_http->json("POST", exec + e3 + "/rerun", {{"from", "start"}}, t));
        record(m_http->get(flow + "/shares", t));
        record(share(flowId, invitee, "view", t));
        record(m_http->get(flow + "/webhook", t));
        const Answer rotated = m_http->json("POST", flow + "/webhook", {}, t);
        record(rotated);
        record(del(flow + "/webhook", t));
        const Answer created = m_http->json("POST", flow + "/webhook", {}, t);
        record(created);

        // A refused write changed nothing, an accepted one did what it says
        // (read as the administrator, before the flow may be deleted).
        auto allowed = [&](const char *group) {
            for (int i = 0; i < int(std::size(kGroups)); ++i) {
                if (qstrcmp(kGroups[i].name, group) == 0)
                    return actual.at(i).startsWith(u'2');
            }
            qFatal("no group %s", group);
        };
        const QString where = QStringLiteral(" as %1/%2").arg(role, level);
        const QJsonObject after = m_http->get(flow, m_admin).data();
        QVERIFY2((after.value("description").toString() == "changed by " + role) ==
                     allowed("update"),
                 qPrintable("update" + where));
        QVERIFY2(m_http->get(flow + "/versions", m_admin).data().value("items").toArray().size() ==
                     (allowed("version") ? 3 : 2),
                 qPrintable("version" + where));
        const QString publishedVersion =
            after.value("published_version").toObject().value("version").toString();
        QVERIFY2(publishedVersion == (allowed("publish") ? "2" : "1"),
                 qPrintable("publish" + where + ": " + publishedVersion));
        // e1..e3, and one more for each accepted trigger or re-run.
        const qsizetype executions =
            idsOf(m_http->get("/api/v1/executions?size=100&flow_id=" + flowId, m_admin),
                  "execution_id")
                .size();
        QVERIFY2(executions == 3 + int(allowed("trigger")) + int(allowed("rerun")),
                 qPrintable("trigger/rerun" + where + ": " + QString::number(executions)));
        QVERIFY2((statusOf(e1) == QLatin1String("running")) != allowed("cancel"),
                 qPrintable("cancel" + where + ": " + statusOf(e1)));
        QVERIFY2((statusOf(e2) == QLatin1String("running")) != allowed("kill"),
                 qPrintable("kill" + where + ": " + statusOf(e2)));
        QVERIFY2(m_http->get(flow + "/shares", m_admin).raw.contains(invitee.toLatin1()) ==
                     allowed("share"),
                 qPrintable("share" + where));
        // A rotation (or removal) ends the administrator's webhook at once;
        // after refusals it still starts the flow.
        if (allowed("rotate")) {
            QCOMPARE(rotated.data().value("rotated").toBool(), true);
            QCOMPARE(created.data().value("rotated").toBool(), !allowed("unhook"));
            QCOMPARE(m_http->json("POST", hookPath, {}).status, 404);
            QCOMPARE(m_http->json("POST", created.data().value("path").toString(), {}).status, 200);
        } else {
            QVERIFY2(!allowed("unhook") && !allowed("webhook"), qPrintable("webhook" + where));
            QCOMPARE(m_http->json("POST", hookPath, {}).status, 200);
        }
        QVERIFY2(!rotated.raw.contains(hookPath.section(u'/', -1).toLatin1()),
                 qPrintable("rotate" + where));

        record(del(flow, t));
        QVERIFY2((m_http->get(flow, m_admin).status == 404) == allowed("delete"),
                 qPrintable("delete" + where));

        killAll(flowId);
        for (int i = 0; i < cells.size(); ++i) {
            const Group &g = kGroups[i];
            const QString where =
                QStringLiteral("%1 as %2/%3").arg(QLatin1String(g.name), role, level);
            QVERIFY2(actual.at(i) == cells.at(i),
                     qPrintable(where + ": got " + actual.at(i) + " " + codes.at(i) +
                                ", expected " + cells.at(i)));
            // The code that goes with the status.
            QString code;
            if (cells.at(i) == QLatin1String("404"))
                code = g.execution ? QStringLiteral("EXECUTION_NOT_FOUND")
                                   : QStringLiteral("FLOW_NOT_FOUND");
            else if (cells.at(i) == QLatin1String("403"))
                code = role == QLatin1String("viewer") && g.user
                           ? QStringLiteral("INSUFFICIENT_PERMISSIONS")
                       : g.share ? QStringLiteral("SHARE_ACCESS_DENIED")
                                 : QStringLiteral("FORBIDDEN");
            if (!code.isEmpty())
                QVERIFY2(codes.at(i) == code,
                         qPrintable(where + ": code " + codes.at(i) + ", expected " + code));
        }
    }

    void triggererMayStopOwnExecution()
    {
        const Account alice = account("alice", "user");
        const Account bob = account("bob", "user");
        const Account carol = account("carol", "user");
        const QString flowId = createFlow(alice.token);
        QCOMPARE(share(flowId, bob.email, "view", alice.token).status, 201);
        QCOMPARE(share(flowId, carol.email, "view", alice.token).status, 201);

        const QString first = trigger(flowId, bob.token);
        const QString second = trigger(flowId, bob.token);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        // Carol sees bob's executions but may not stop them.
        QVERIFY(idsOf(m_http->get("/api/v1/executions?size=100&flow_id=" + flowId, carol.token),
                      "execution_id")
                    .contains(first));
        const Answer refused =
            m_http->json("POST", "/api/v1/executions/" + first + "/cancel", {}, carol.token);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(m_http
                     ->send("POST", "/api/v1/executions/" + first + "/kill", {},
                            Http::bearer(carol.token))
                     .status,
                 403);
        QCOMPARE(m_http->get("/api/v1/executions/" + first + "/status", carol.token)
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("running"));

        const Answer cancelled =
            m_http->json("POST", "/api/v1/executions/" + first + "/cancel", {}, bob.token);
        QCOMPARE(cancelled.status, 200);
        QTRY_COMPARE(statusOf(first), QStringLiteral("cancelled"));
        const Answer rerun = m_http->json("POST", "/api/v1/executions/" + first + "/rerun",
                                          {{"from", "start"}}, bob.token);
        QCOMPARE(rerun.status, 200);
        // Bob keeps the right to stop what he started even without a share.
        QCOMPARE(
            del("/api/v1/flows/" + flowId + "/shares/" +
                    idsOf(m_http->get("/api/v1/flows/" + flowId + "/shares", alice.token)).first(),
                alice.token)
                .status,
            200);
        QCOMPARE(m_http
                     ->send("POST", "/api/v1/executions/" + second + "/kill", {},
                            Http::bearer(bob.token))
                     .status,
                 200);
        killAll(flowId);
    }

    void nodeAndMetricsLive()
    {
        const Account alice = account("alice", "user");
        const Account carol = account("carol", "user");
        const QString logFlow = createFlow(alice.token, logging());
        QVERIFY(!logFlow.isEmpty());
        const Answer ran = m_http->json(
            "POST", "/api/v1/flows/" + logFlow + "/trigger?wait=true",
            {{"inputs", QJsonObject{{"v", 7}, {"password", "hunter2-secret"}}}}, alice.token);
        QCOMPARE(ran.status, 200);
        QCOMPARE(ran.data().value("status").toString(), QStringLiteral("completed"));
        m_logExecution = ran.data().value("execution_id").toString();
        const QString base = "/api/v1/executions/" + m_logExecution;

        const Answer say = m_http->get(base + "/nodes/say", alice.token);
        QCOMPARE(say.status, 200);
        const QJsonObject n = say.data();
        QCOMPARE(n.value("source").toString(), QStringLiteral("engine"));
        QCOMPARE(n.value("node_id").toString(), QStringLiteral("say"));
        QCOMPARE(n.value("component").toString(), QStringLiteral("log"));
        QCOMPARE(n.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(n.value("attempts").toInt(), 1);
        QVERIFY(n.value("error").isNull());
        QVERIFY(n.value("started_at").isString());
        QVERIFY(n.value("ended_at").isString());
        QVERIFY(n.value("duration_ms").toInteger(-1) >= 0);
        QCOMPARE(n.value("inputs").toObject().value("v").toInt(), 7);
        QCOMPARE(n.value("outputs").toObject().value("v").toInt(), 7);
        QVERIFY(n.value("inputs").toObject().contains("password"));
        const QJsonArray logs = n.value("logs").toArray();
        QCOMPARE(logs.size(), 1);
        QVERIFY(logs.first().toString().contains("hello from say"));
        QVERIFY(!say.raw.contains("hunter2-secret"));

        const Answer unknown = m_http->get(base + "/nodes/nope", alice.token);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.code(), QStringLiteral("RESOURCE_NOT_FOUND"));
        QCOMPARE(m_http->get(base + "/nodes/say", carol.token).code(),
                 QStringLiteral("EXECUTION_NOT_FOUND"));
        QCOMPARE(m_http->get(base + "/metrics", carol.token).code(),
                 QStringLiteral("EXECUTION_NOT_FOUND"));

        const Answer metrics = m_http->get(base + "/metrics", alice.token);
        QCOMPARE(metrics.status, 200);
        const QJsonObject m = metrics.data();
        QCOMPARE(m.value("source").toString(), QStringLiteral("engine"));
        QCOMPARE(m.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(m.value("node_count").toInt(), 2);
        QCOMPARE(m.value("nodes_by_status").toObject().value("completed").toInt(), 2);
        QCOMPARE(m.value("nodes_by_status").toObject().value("pending").toInt(), 0);
        QCOMPARE(m.value("attempts_total").toInt(), 2);
        QCOMPARE(m.value("retries_total").toInt(), 0);
        QVERIFY(m.value("duration_ms").toInteger(-1) >= 0);
        QVERIFY(m.value("queue_wait_ms").toInteger(-1) >= 0);
        QCOMPARE(m.value("nodes").toArray().size(), 2);

        // Three attempts against a closed port.
        const QString retryFlow = createFlow(
            alice.token, refused(), {{"retry", QJsonObject{{"maxAttempts", 3}, {"backoffMs", 0}}}});
        QVERIFY(!retryFlow.isEmpty());
        const Answer failed =
            m_http->json("POST", "/api/v1/flows/" + retryFlow + "/trigger?wait=true",
                         {{"inputs", QJsonObject{{"url", "http://127.0.0.1:1/"}}}}, alice.token);
        QCOMPARE(failed.data().value("status").toString(), QStringLiteral("failed"));
        m_retryExecution = failed.data().value("execution_id").toString();
        const Answer call =
            m_http->get("/api/v1/executions/" + m_retryExecution + "/nodes/call", alice.token);
        QCOMPARE(call.data().value("status").toString(), QStringLiteral("failed"));
        QCOMPARE(call.data().value("attempts").toInt(), 3);
        QCOMPARE(call.data().value("error").toObject().value("code").toString(),
                 QStringLiteral("NETWORK_ERROR"));
        const QJsonObject rm =
            m_http->get("/api/v1/executions/" + m_retryExecution + "/metrics", alice.token).data();
        QCOMPARE(rm.value("attempts_total").toInt(), 3);
        QCOMPARE(rm.value("retries_total").toInt(), 2);
        QCOMPARE(rm.value("nodes_by_status").toObject().value("failed").toInt(), 1);
        QCOMPARE(rm.value("nodes").toArray().first().toObject().value("retries").toInt(), 2);

        // A running execution: the node counts up, nothing has ended.
        const QString slowFlow = createFlow(alice.token);
        const QString running = trigger(slowFlow, alice.token);
        const QJsonObject live =
            m_http->get("/api/v1/executions/" + running + "/metrics", alice.token).data();
        QCOMPARE(live.value("status").toString(), QStringLiteral("running"));
        QCOMPARE(live.value("nodes_by_status").toObject().value("running").toInt(), 1);
        QVERIFY(live.value("ended_at").isNull());
        const QJsonObject waiting =
            m_http->get("/api/v1/executions/" + running + "/nodes/wait", alice.token).data();
        QCOMPARE(waiting.value("status").toString(), QStringLiteral("running"));
        QVERIFY(waiting.value("duration_ms").isNull());
        killAll(slowFlow);
    }

    // Last: restarts the server.
    void detailsFromHistoryAfterRestart()
    {
        QVERIFY(!m_logExecution.isEmpty());
        QVERIFY(!m_retryExecution.isEmpty());
        restart();
        const Account alice = account("alice", "user");
        const Account bob = account("bob", "user");

        const Answer say =
            m_http->get("/api/v1/executions/" + m_logExecution + "/nodes/say", alice.token);
        QCOMPARE(say.status, 200);
        const QJsonObject n = say.data();
        QCOMPARE(n.value("source").toString(), QStringLiteral("history"));
        QCOMPARE(n.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(n.value("attempts").toInt(), 1);
        QCOMPARE(n.value("inputs").toObject().value("v").toInt(), 7);
        QVERIFY(n.value("inputs").toObject().contains("password"));
        QVERIFY(!say.raw.contains("hunter2-secret"));
        QVERIFY(n.value("duration_ms").toInteger(-1) >= 0);
        const QJsonArray logs = n.value("logs").toArray();
        QCOMPARE(logs.size(), 1);
        QVERIFY(logs.first().toString().contains("hello from say"));

        const QJsonObject m =
            m_http->get("/api/v1/executions/" + m_logExecution + "/metrics", alice.token).data();
        QCOMPARE(m.value("source").toString(), QStringLiteral("history"));
        QCOMPARE(m.value("node_count").toInt(), 2);
        QCOMPARE(m.value("nodes_by_status").toObject().value("completed").toInt(), 2);
        QCOMPARE(m.value("attempts_total").toInt(), 2);
        QVERIFY(m.value("duration_ms").toInteger(-1) >= 0);
        QVERIFY(m.value("queue_wait_ms").toInteger(-1) >= 0);

        const QJsonObject call =
            m_http->get("/api/v1/executions/" + m_retryExecution + "/nodes/call", alice.token)
                .data();
        QCOMPARE(call.value("source").toString(), QStringLiteral("history"));
        QCOMPARE(call.value("attempts").toInt(), 3);
        QCOMPARE(call.value("error").toObject().value("code").toString(),
                 QStringLiteral("NETWORK_ERROR"));
        const QJsonObject rm =
            m_http->get("/api/v1/executions/" + m_retryExecution + "/metrics", alice.token).data();
        QCOMPARE(rm.value("retries_total").toInt(), 2);
        QCOMPARE(rm.value("nodes_by_status").toObject().value("failed").toInt(), 1);

        // Permissions hold for the history too, and shares survive.
        QCOMPARE(m_http->get("/api/v1/executions/" + m_logExecution + "/metrics", bob.token).code(),
                 QStringLiteral("EXECUTION_NOT_FOUND"));
        QVERIFY(!m_sharedFlow.isEmpty());
        QCOMPARE(m_http->get("/api/v1/flows/" + m_sharedFlow, bob.token).status, 200);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->process().state() == QProcess::Running)
            stopServer();
    }
};

QTEST_GUILESS_MAIN(TestFlowSharing)
#include "TestFlowSharing.moc"
