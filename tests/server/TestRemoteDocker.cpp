// Docker through agents end to end (issue 38 item 6): real hivemind-agent
// processes against the real server, and a real podman serving the
// Docker-compatible API (PodmanSupport.h). Node "dock-1" runs an agent that
// grants docker on podman A (where the containers are); "dock-2" one that
// grants docker on podman B (no containers: another node's container is
// not found there); "plain-1" one that does not grant docker; "nosock-1"
// one that grants it on a socket that does not exist. Containers are
// listed, stopped, started, restarted, their logs read and removed through
// the API; bad names refused before any agent is asked; USERs act only
// through a grant, VIEWERs never; every change audited with the
// authenticated user. Compose runs for real (docker-compose against podman
// A): a one-service project in a directory under dock-1's compose root is
// listed before it is up, brought up, listed running and brought down; a
// project whose directory is outside the roots is refused.

#include "PodmanSupport.h"
#include "RemoteAgentSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace hm::test;

class TestRemoteDocker : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    PodmanDaemon m_podman;
    PodmanDaemon m_otherPodman;
    QTemporaryDir m_composeRoot; // dock-1's --compose-root
    RemoteAgent m_dock;
    RemoteAgent m_dock2;
    RemoteAgent m_plain;
    RemoteAgent m_nosock;
    ApiUser m_ops;
    ApiUser m_viewer;
    QString m_adminId;
    QString m_webId;   // container hm-web (compose project "shop")
    QString m_otherId; // container hm-other

    QString base(const QString &nodeId) const
    {
        return QStringLiteral("/api/v1/nodes/%1/docker").arg(nodeId);
    }

    Answer containers(const QString &nodeId, const QString &token)
    {
        return m_http->get(base(nodeId) + QStringLiteral("/containers"), token);
    }

    Answer act(const QString &nodeId, const QString &container, const QString &verb,
               const QString &token)
    {
        return m_http->json("POST",
                            base(nodeId) + QStringLiteral("/containers/%1/%2").arg(container, verb),
                            {}, token);
    }

    Answer remove(const QString &nodeId, const QString &container, const QString &token,
                  const QString &query = {})
    {
        return m_http->send("DELETE", base(nodeId) + QStringLiteral("/containers/") + container
                                          + query,
                            {}, {{"Authorization", "Bearer " + token.toUtf8()}});
    }

    // The container's item in dock-1's list (empty when absent).
    QJsonObject containerOn(const QString &nodeId, const QString &id)
    {
        for (const QJsonValue &c : containers(nodeId, m_admin).data().value("items").toArray())
            if (c.toObject().value("id").toString() == id)
                return c.toObject();
        return {};
    }

    QString stateOf(const QString &id)
    {
        return containerOn(m_dock.nodeId, id).value("state").toString();
    }

private slots:
    void initTestCase()
    {
        if (PodmanDaemon::podman().isEmpty() || PodmanDaemon::busybox().isEmpty())
            QSKIP("podman and busybox-static are needed (installer/packages.txt installs them)");
        QVERIFY(m_podman.isValid() && m_otherPodman.isValid());
        const QString started = m_podman.start(true);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const QString otherStarted = m_otherPodman.start(false);
        QVERIFY2(otherStarted.isEmpty(), qPrintable(otherStarted));
        QTRY_VERIFY_WITH_TIMEOUT(m_podman.answers(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_otherPodman.answers(), 30000);
        m_webId = m_podman.createContainer(
            "hm-web", "trap 'exit 0' TERM; while true; do echo tick; sleep 1; done",
            {{"com.docker.compose.project", "shop"},
             {"com.docker.compose.project.working_dir", m_podman.path("shop")}});
        QVERIFY(!m_webId.isEmpty());
        m_otherId = m_podman.createContainer("hm-other", "trap 'exit 0' TERM; while true; do sleep 1; done");
        QVERIFY(!m_otherId.isEmpty());

        QVERIFY2(startServer().isEmpty(), "server did not start");
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 1}}, m_admin)
                     .status,
                 200);
        m_adminId =
            m_http->get(QStringLiteral("/api/v1/users/me"), m_admin).data().value("id").toString();
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        QVERIFY(!m_ops.token.isEmpty() && !m_viewer.token.isEmpty());
        // One compose project under the root: a busybox service without a
        // network (the test podman has none).
        QVERIFY(m_composeRoot.isValid());
        QVERIFY(QDir(m_composeRoot.path()).mkpath(QStringLiteral("hmdemo")));
        QFile composeFile(m_composeRoot.filePath(QStringLiteral("hmdemo/docker-compose.yml")));
        QVERIFY(composeFile.open(QIODevice::WriteOnly));
        composeFile.write("version: \"3\"\n"
                          "services:\n"
                          "  app:\n"
                          "    image: localhost/hm-busybox:test\n"
                          "    command: [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM; while true; "
                          "do echo up; sleep 1; done\"]\n"
                          "    network_mode: none\n"
                          "    stop_grace_period: 2s\n");
        composeFile.close();
        QVERIFY(m_agents->start(m_dock, "dock-1", {"docker"},
                                {"--allow", "docker", "--docker-socket", m_podman.socketPath(),
                                 "--compose-root", m_composeRoot.path()}));
        QVERIFY(m_agents->start(m_dock2, "dock-2", {"docker2"},
                                {"--allow", "docker", "--docker-socket",
                                 m_otherPodman.socketPath()}));
        QVERIFY(m_agents->start(m_plain, "plain-1", {"plain"},
                                {"--docker-socket", m_podman.socketPath()}));
        QVERIFY(m_agents->start(m_nosock, "nosock-1", {"nosock"},
                                {"--allow", "docker", "--docker-socket",
                                 m_podman.path("missing.sock")}));
        HM_WAIT_ONLINE(*m_agents, m_dock);
        HM_WAIT_ONLINE(*m_agents, m_dock2);
        HM_WAIT_ONLINE(*m_agents, m_plain);
        HM_WAIT_ONLINE(*m_agents, m_nosock);
    }

    void cleanupTestCase()
    {
        for (RemoteAgent *agent : {&m_dock, &m_dock2, &m_plain, &m_nosock})
            QVERIFY(agent->stop());
        m_podman.stop();
        m_otherPodman.stop();
    }

    void theListShowsTheContainers()
    {
        const Answer listed = containers(m_dock.nodeId, m_admin);
        QCOMPARE(listed.status, 200);
        const QJsonObject web = containerOn(m_dock.nodeId, m_webId);
        QCOMPARE(web.value("name").toString(), QStringLiteral("hm-web"));
        QCOMPARE(web.value("state").toString(), QStringLiteral("running"));
        QCOMPARE(web.value("image").toString(), QStringLiteral("localhost/hm-busybox:test"));
        QCOMPARE(web.value("compose_project").toString(), QStringLiteral("shop"));
        QVERIFY(!web.value("status").toString().isEmpty());
        QVERIFY(!web.value("created").toString().isEmpty());
        // Seed 002's path and shape.
        const Answer seed = m_http->get(
            QStringLiteral("/api/servers/%1/docker/containers").arg(m_dock.nodeId), m_admin);
        QCOMPARE(seed.status, 200);
        QCOMPARE(seed.data().value("containers").toArray().size(),
                 listed.data().value("items").toArray().size());
        // Reads are not audited.
        QCOMPARE(m_agents->audit("NODE_CONTAINER_STARTED").size(), 0);
    }

    void imagesAndComposeProjects()
    {
        const Answer images = m_http->get(base(m_dock.nodeId) + "/images", m_admin);
        QCOMPARE(images.status, 200);
        bool found = false;
        for (const QJsonValue &image : images.data().value("items").toArray())
            found = found
                    || image.toObject().value("tags").toArray().contains(
                        QStringLiteral("localhost/hm-busybox:test"));
        QVERIFY2(found, images.raw.constData());
        QCOMPARE(m_http->get(QStringLiteral("/api/servers/%1/docker/images").arg(m_dock.nodeId),
                             m_admin)
                     .data()
                     .value("images")
                     .toArray()
                     .size(),
                 images.data().value("items").toArray().size());

        const Answer composes = m_http->get(base(m_dock.nodeId) + "/composes", m_admin);
        QCOMPARE(composes.status, 200);
        const QJsonArray projects = composes.data().value("items").toArray();
        // hmdemo (under the root, not up yet) and shop (from its container).
        QCOMPARE(projects.size(), 2);
        const QJsonObject demo = projects.first().toObject();
        QCOMPARE(demo.value("name").toString(), QStringLiteral("hmdemo"));
        QCOMPARE(demo.value("state").toString(), QStringLiteral("down"));
        QCOMPARE(demo.value("defined").toBool(), true);
        QCOMPARE(demo.value("total").toInt(), 0);
        const QJsonObject shop = projects.at(1).toObject();
        QCOMPARE(shop.value("name").toString(), QStringLiteral("shop"));
        QCOMPARE(shop.value("working_dir").toString(), m_podman.path("shop"));
        QCOMPARE(shop.value("state").toString(), QStringLiteral("running"));
        QCOMPARE(shop.value("defined").toBool(), false);
        QCOMPARE(shop.value("containers").toArray().first().toObject().value("name").toString(),
                 QStringLiteral("hm-web"));

        // shop's directory (from its container's label) is outside the
        // compose roots: refused before anything runs, audited as a failure.
        QVERIFY(QDir().mkpath(m_podman.path("shop")));
        const Answer up =
            m_http->json("POST", base(m_dock.nodeId) + "/composes/shop/up", {}, m_admin);
        QCOMPARE(up.status, 403);
        QCOMPARE(up.code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(up.details().value("code").toString(), QStringLiteral("COMPOSE_DIR_NOT_ALLOWED"));
        const QJsonObject entry = m_agents->audit("NODE_COMPOSE_UP").first().toObject();
        QCOMPARE(entry.value("details").toObject().value("target").toString(),
                 QStringLiteral("shop"));
        QCOMPARE(entry.value("details").toObject().value("reason").toString(),
                 QStringLiteral("COMPOSE_DIR_NOT_ALLOWED"));
        const Answer unknown =
            m_http->json("POST", base(m_dock.nodeId) + "/composes/nothere/down", {}, m_admin);
        QCOMPARE(unknown.status, 404);
    }

    void composeUpListDown()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("docker-compose")).isEmpty())
            QSKIP("docker-compose is needed (installer/packages.txt installs it)");
        const QString demo = base(m_dock.nodeId) + QStringLiteral("/composes/hmdemo");
        // A USER without a grant, a VIEWER: refused, nothing runs.
        QCOMPARE(m_http->json("POST", demo + "/up", {}, m_viewer.token).status, 403);
        const Answer up = m_http->json("POST", demo + "/up", {}, m_admin);
        QCOMPARE(up.status, 200);
        QCOMPARE(up.data().value("action").toString(), QStringLiteral("up"));
        QCOMPARE(up.data().value("exit_code").toInt(), 0);
        QVERIFY2(up.data().value("output").toString().contains(QStringLiteral("hmdemo_app_1")),
                 up.raw.constData());
        const auto project = [this] {
            for (const QJsonValue &p :
                 m_http->get(base(m_dock.nodeId) + "/composes", m_admin).data().value("items").toArray())
                if (p.toObject().value("name").toString() == u"hmdemo")
                    return p.toObject();
            return QJsonObject();
        };
        QJsonObject listed = project();
        QCOMPARE(listed.value("state").toString(), QStringLiteral("running"));
        QCOMPARE(listed.value("working_dir").toString(),
                 m_composeRoot.filePath(QStringLiteral("hmdemo")));
        QCOMPARE(listed.value("containers").toArray().first().toObject().value("name").toString(),
                 QStringLiteral("hmdemo_app_1"));
        const QJsonObject audited = m_agents->audit("NODE_COMPOSE_UP").first().toObject();
        QCOMPARE(audited.value("user_id").toString(), m_adminId);
        QCOMPARE(audited.value("details").toObject().value("result").toString(),
                 QStringLiteral("success"));

        const Answer down = m_http->json("POST", demo + "/down", {}, m_admin);
        QCOMPARE(down.status, 200);
        QCOMPARE(down.data().value("exit_code").toInt(), 0);
        listed = project();
        QCOMPARE(listed.value("state").toString(), QStringLiteral("down"));
        QCOMPARE(listed.value("total").toInt(), 0);
        QCOMPARE(m_agents->audit("NODE_COMPOSE_DOWN").first().toObject().value("details")
                     .toObject()
                     .value("result")
                     .toString(),
                 QStringLiteral("success"));
    }

    void stopStartRestart()
    {
        const Answer stopped = act(m_dock.nodeId, "hm-web", "stop", m_admin);
        QCOMPARE(stopped.status, 200);
        QCOMPARE(stopped.data().value("changed").toBool(), true);
        QCOMPARE(stateOf(m_webId), QStringLiteral("exited"));
        // Stopping it again changes nothing, and says so.
        QCOMPARE(act(m_dock.nodeId, "hm-web", "stop", m_admin).data().value("changed").toBool(),
                 false);
        // shop (after hmdemo, the compose root's project) follows its container.
        QCOMPARE(m_http->get(base(m_dock.nodeId) + "/composes", m_admin)
                     .data()
                     .value("items")
                     .toArray()
                     .at(1)
                     .toObject()
                     .value("state")
                     .toString(),
                 QStringLiteral("exited"));

        // By id through seed 002's path.
        const Answer started = m_http->json(
            "POST",
            QStringLiteral("/api/servers/%1/docker/containers/%2/start").arg(m_dock.nodeId, m_webId),
            {}, m_admin);
        QCOMPARE(started.status, 200);
        QCOMPARE(stateOf(m_webId), QStringLiteral("running"));

        const Answer restarted = act(m_dock.nodeId, m_webId.left(12), "restart", m_admin);
        QCOMPARE(restarted.status, 200);
        QCOMPARE(stateOf(m_webId), QStringLiteral("running"));

        for (const char *action :
             {"NODE_CONTAINER_STOPPED", "NODE_CONTAINER_STARTED", "NODE_CONTAINER_RESTARTED"}) {
            const QJsonArray audit = m_agents->audit(QString::fromLatin1(action));
            QVERIFY2(!audit.isEmpty(), action);
            const QJsonObject entry = audit.first().toObject();
            QCOMPARE(entry.value("user_id").toString(), m_adminId);
            QCOMPARE(entry.value("resource_id").toString(), m_dock.nodeId);
            QCOMPARE(entry.value("details").toObject().value("result").toString(),
                     QStringLiteral("success"));
        }
        QCOMPARE(m_agents->audit("NODE_CONTAINER_STOPPED")
                     .last()
                     .toObject()
                     .value("details")
                     .toObject()
                     .value("target")
                     .toString(),
                 QStringLiteral("hm-web"));
    }

    void logsCarryTheOutput()
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            m_http->get(base(m_dock.nodeId) + "/containers/hm-web/logs?tail=5", m_admin)
                .data()
                .value("logs")
                .toString()
                .contains(QStringLiteral("tick")),
            15000);
        const Answer logs = m_http->get(
            base(m_dock.nodeId) + "/containers/hm-web/logs?tail=2&timestamps=true", m_admin);
        QCOMPARE(logs.status, 200);
        const QStringList lines =
            logs.data().value("logs").toString().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.first().endsWith(QStringLiteral(" tick")), qPrintable(lines.first()));
        QVERIFY(lines.first().at(0).isDigit()); // an RFC 3339 time first
        QVERIFY(!logs.data().value("truncated").toBool());
        // Nothing after a time in the future.
        const Answer later = m_http->get(
            base(m_dock.nodeId) + "/containers/hm-web/logs?since=2100-01-01T00:00:00Z", m_admin);
        QCOMPARE(later.status, 200);
        QCOMPARE(later.data().value("logs").toString(), QString());
        // Seed 002's path.
        QCOMPARE(m_http
                     ->get(QStringLiteral("/api/servers/%1/docker/containers/hm-web/logs")
                               .arg(m_dock.nodeId),
                           m_admin)
                     .status,
                 200);
    }

    void badNamesAreRefused_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("encoded dot dot slash") << "POST" << "/containers/..%2Fcontainers%2Fx/start";
        QTest::newRow("encoded dots") << "POST" << "/containers/%2e%2e/stop";
        QTest::newRow("encoded slash") << "POST" << "/containers/%2F/restart";
        QTest::newRow("200 characters") << "POST"
                                        << "/containers/" + QString(200, u'a') + "/start";
        QTest::newRow("space") << "DELETE" << "/containers/a%20b";
        QTest::newRow("query in name") << "GET" << "/containers/x%3Fforce=1/logs";
        QTest::newRow("leading dash") << "DELETE" << "/containers/-rf";
        QTest::newRow("tail too big") << "GET" << "/containers/hm-web/logs?tail=5001";
        QTest::newRow("bad since") << "GET" << "/containers/hm-web/logs?since=yesterday";
        QTest::newRow("bad force") << "DELETE" << "/containers/hm-web?force=maybe";
        QTest::newRow("bad project") << "POST" << "/composes/Shop%2F..%2F/up";
    }

    void badNamesAreRefused()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        const Answer answer =
            m_http->send(method.toLatin1(), base(m_dock.nodeId) + path, {},
                         {{"Authorization", "Bearer " + m_admin.toUtf8()},
                          {"Content-Type", "application/json"}});
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.code(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY(!answer.body.value("error").toObject().value("message").toString().isEmpty());
        QCOMPARE(stateOf(m_webId), QStringLiteral("running"));
    }

    void whatTheAgentDoesNotGrantIsRefused()
    {
        const Answer refused = containers(m_plain.nodeId, m_admin);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("CAPABILITY_DISABLED"));
        const Answer stop = act(m_plain.nodeId, "hm-web", "stop", m_admin);
        QCOMPARE(stop.code(), QStringLiteral("CAPABILITY_DISABLED"));
        QCOMPARE(stateOf(m_webId), QStringLiteral("running"));
        const Answer access =
            m_http->get(QStringLiteral("/api/v1/nodes/%1/access").arg(m_plain.nodeId), m_admin);
        QVERIFY(!access.data().value("usable").toArray().contains("docker"));
        const Answer usable =
            m_http->get(QStringLiteral("/api/v1/nodes/%1/access").arg(m_dock.nodeId), m_admin);
        QVERIFY(usable.data().value("usable").toArray().contains("docker"));
    }

    void aMissingDaemonIsUnavailable()
    {
        const Answer missing = containers(m_nosock.nodeId, m_admin);
        QCOMPARE(missing.status, 503);
        QCOMPARE(missing.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(missing.details().value("code").toString(), QStringLiteral("DOCKER_UNAVAILABLE"));
    }

    void anotherNodesContainerIsNotFound()
    {
        QCOMPARE(containers(m_dock2.nodeId, m_admin).data().value("items").toArray().size(), 0);
        for (const QString &ref : {m_otherId, QStringLiteral("hm-other")}) {
            const Answer wrong = act(m_dock2.nodeId, ref, "stop", m_admin);
            QCOMPARE(wrong.status, 404);
            QCOMPARE(wrong.code(), QStringLiteral("RESOURCE_NOT_FOUND"));
        }
        QCOMPARE(stateOf(m_otherId), QStringLiteral("running"));
        QCOMPARE(containers(QStringLiteral("no-such-node"), m_admin).status, 404);
    }

    void usersActOnlyThroughGrants()
    {
        QCOMPARE(containers(m_dock.nodeId, m_ops.token).code(), QStringLiteral("FORBIDDEN"));
        const Answer refusedStop = act(m_dock.nodeId, "hm-other", "stop", m_ops.token);
        QCOMPARE(refusedStop.status, 403);
        QCOMPARE(refusedStop.code(), QStringLiteral("FORBIDDEN"));
        const QJsonObject refusal = m_agents->audit("NODE_CONTAINER_STOPPED").first().toObject();
        QCOMPARE(refusal.value("user_id").toString(), m_ops.id);
        QCOMPARE(refusal.value("details").toObject().value("error").toString(),
                 QStringLiteral("FORBIDDEN"));
        QCOMPARE(containers(m_dock.nodeId, m_viewer.token).status, 403);
        QCOMPARE(act(m_dock.nodeId, "hm-other", "stop", m_viewer.token).status, 403);
        QCOMPARE(stateOf(m_otherId), QStringLiteral("running"));

        // A grant of docker on label "docker": dock-1, not dock-2.
        QVERIFY(!m_agents->grant("user", m_ops.id, "docker", "docker").isEmpty());
        QCOMPARE(containers(m_dock.nodeId, m_ops.token).status, 200);
        QCOMPARE(containers(m_dock2.nodeId, m_ops.token).code(), QStringLiteral("FORBIDDEN"));
        const Answer stopped = act(m_dock.nodeId, "hm-other", "stop", m_ops.token);
        QCOMPARE(stopped.status, 200);
        QCOMPARE(stateOf(m_otherId), QStringLiteral("exited"));
        const QJsonObject entry = m_agents->audit("NODE_CONTAINER_STOPPED").first().toObject();
        QCOMPARE(entry.value("user_id").toString(), m_ops.id);
        QCOMPARE(entry.value("details").toObject().value("result").toString(),
                 QStringLiteral("success"));
        // The grant is not the viewer's.
        QCOMPARE(containers(m_dock.nodeId, m_viewer.token).status, 403);
    }

    void removing()
    {
        // Running: only with force.
        const Answer conflict = remove(m_dock.nodeId, "hm-web", m_admin);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.code(), QStringLiteral("CONFLICT"));
        QCOMPARE(stateOf(m_webId), QStringLiteral("running"));
        const Answer removed = remove(m_dock.nodeId, "hm-web", m_admin, "?force=true");
        QCOMPARE(removed.status, 200);
        QVERIFY(containerOn(m_dock.nodeId, m_webId).isEmpty());
        // Stopped: no force needed; through seed 002's path.
        const Answer seedRemoved = m_http->send(
            "DELETE",
            QStringLiteral("/api/servers/%1/docker/containers/%2").arg(m_dock.nodeId, m_otherId),
            {}, {{"Authorization", "Bearer " + m_admin.toUtf8()}});
        QCOMPARE(seedRemoved.status, 200);
        QVERIFY(containerOn(m_dock.nodeId, m_otherId).isEmpty());
        QCOMPARE(remove(m_dock.nodeId, "hm-web", m_admin).status, 404);

        const QJsonArray audit = m_agents->audit("NODE_CONTAINER_REMOVED");
        QCOMPARE(audit.size(), 4);
        const QJsonObject forced = audit.at(2).toObject();
        QCOMPARE(forced.value("user_id").toString(), m_adminId);
        QCOMPARE(forced.value("details").toObject().value("force").toBool(), true);
        QCOMPARE(forced.value("details").toObject().value("target").toString(),
                 QStringLiteral("hm-web"));
        QCOMPARE(audit.at(3).toObject().value("details").toObject().value("error").toString(),
                 QStringLiteral("CONFLICT"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteDocker)
#include "TestRemoteDocker.moc"
