// Rotation of the credential data key survives SIGKILL (issue 13, item 2):
// the real hivemind-server holds a few thousand credentials, rotates, and is
// killed at a random point of the re-encryption (small batches, so the point
// can fall anywhere), restarted, killed again, restarted; the rotation then
// finishes on its own and every credential still gives its own secret,
// checked through the product's test route against a local peer that
// records the injected Authorization header.
//
// The kill points come from a seeded generator: HIVEMIND_CRASH_SEED replays
// a run (the seed is printed).

#include "AuthTestSupport.h"
#include "CrashSeed.h"
#include "CredentialTestSupport.h"

#include <QJsonArray>
#include <QTest>
#include <csignal>

using namespace hm::test;

namespace {

constexpr int kCredentials = 2000;
constexpr int kBatch = 5; // re-encryption batch: ~400 commits per rotation

} // namespace

class TestCredentialRotationCrash : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QHash<QString, QString> m_tokens; // credential id -> its token
    RecordingPeer m_peer;
    const QStringList m_extra{QStringLiteral("--credential-rotation-batch"),
                              QString::number(kBatch)};

    QString m_apiKey; // the administrator's: polls without a login after a restart

    QJsonObject keyStatus()
    {
        return m_http
            ->send("GET", QStringLiteral("/api/v1/credentials/key-status"), {},
                   {{"X-API-Key", m_apiKey.toLatin1()}})
            .data();
    }
    // Re-encrypted rows so far, as the store says (total - remaining).
    qint64 progress(const QJsonObject &status)
    {
        qint64 total = 0;
        for (const QJsonValue key : status.value("keys").toArray())
            total += key.toObject().value("credentials").toInteger();
        return total - status.value("rotation").toObject().value("remaining").toInteger();
    }
    // Waits until at least `target` rows are re-encrypted (or the rotation
    // ended), then SIGKILLs the server and starts it again.
    void killAt(qint64 target)
    {
        QJsonObject status;
        do {
            status = keyStatus();
        } while (progress(status) < target &&
                 status.value("rotation").toObject().value("state").toString() == "running");
        qInfo("killing at %lld re-encrypted (target %lld), state %s", progress(status), target,
              qPrintable(status.value("rotation").toObject().value("state").toString()));
        ::kill(pid_t(m_server->process().processId()), SIGKILL);
        QVERIFY(m_server->process().waitForFinished(30000));
        // Started again, and polled at once (no login): the resumed
        // rotation may still be under way for the next kill.
        m_server = std::make_unique<ServerProcess>(m_dir.path(), m_server->masterKey());
        const QUrl url = m_server->start(m_extra);
        QVERIFY2(!url.isEmpty(), m_server->standardError().constData());
        m_http = std::make_unique<Http>(url);
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer(m_extra);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_peer.setAnswer([](const RecordedRequest &) { return RecordingPeer::Reply{204, {}}; });
        const Answer key =
            m_http->json("POST", QStringLiteral("/api/v1/auth/api-keys"),
                         {{"name", "rotation test"}, {"access_level", "admin"}}, m_admin);
        QCOMPARE(key.status, 201);
        m_apiKey = key.data().value("api_key").toString();
        const QString run = QString::number(crashRandom().generate(), 16);
        for (int first = 0; first < kCredentials; first += 100) {
            QList<QByteArray> bodies;
            QStringList tokens;
            for (int i = first; i < first + 100; ++i) {
                tokens.append(QStringLiteral("tok-%1-%2").arg(i).arg(run));
                bodies.append(
                    QJsonDocument(QJsonObject{{"name", QStringLiteral("c%1").arg(i)},
                                              {"type", "http_bearer"},
                                              {"data", QJsonObject{{"token", tokens.last()}}}})
                        .toJson(QJsonDocument::Compact));
            }
            const QList<Answer> answers =
                m_http->sendAtOnce("POST", QStringLiteral("/api/v1/credentials"), bodies, m_admin);
            for (int i = 0; i < answers.size(); ++i) {
                QCOMPARE(answers[i].status, 201);
                m_tokens.insert(answers[i].data().value("id").toString(), tokens[i]);
            }
        }
        QCOMPARE(m_tokens.size(), kCredentials);
    }

    void rotationKilledAtRandomPointsLosesNothing()
    {
        const int before = keyStatus().value("active_version").toInt();
        QVERIFY(before >= 1);
        const Answer rotated =
            m_http->json("POST", QStringLiteral("/api/v1/credentials/rotate-key"), {}, m_admin);
        QCOMPARE(rotated.status, 202);
        QCOMPARE(rotated.data().value("active_version").toInt(), before + 1);

        // Reads work while it runs.
        const QString someId = m_tokens.keys().first();
        const Answer during =
            m_http->json("POST", QStringLiteral("/api/v1/credentials/%1/test").arg(someId),
                         {{"url", m_peer.url()}}, m_admin);
        QCOMPARE(during.data().value("success").toBool(), true);

        killAt(qint64(crashRandom().bounded(kCredentials + 1)));
        // Killed again somewhere in what is left, while the restarted server
        // resumes (or after it finished).
        killAt(qint64(crashRandom().bounded(kCredentials + 1)));
        m_admin = m_http->accessToken(kAdmin, kAdminPassword);
        QVERIFY(!m_admin.isEmpty());

        QJsonObject status;
        QTRY_VERIFY_WITH_TIMEOUT(
            (status = keyStatus()).value("rotation").toObject().value("state").toString() == "idle",
            60000);
        QCOMPARE(status.value("active_version").toInt(), before + 1);
        QCOMPARE(status.value("rotation").toObject().value("remaining").toInt(), 0);
        for (const QJsonValue key : status.value("keys").toArray()) {
            const QJsonObject k = key.toObject();
            const bool active = k.value("version").toInt() == before + 1;
            QCOMPARE(k.value("status").toString(),
                     active ? QStringLiteral("ACTIVE") : QStringLiteral("RETIRED"));
            QCOMPARE(k.value("credentials").toInt(), active ? kCredentials : 0);
        }

        // Every credential gives its own secret, through the product's test route.
        const QStringList ids = m_tokens.keys();
        m_peer.clear();
        for (int first = 0; first < ids.size(); first += 50) {
            QList<QNetworkReply *> replies;
            for (int i = first; i < qMin(first + 50, int(ids.size())); ++i)
                replies.append(
                    m_http->begin("POST", QStringLiteral("/api/v1/credentials/%1/test").arg(ids[i]),
                                  QJsonDocument(QJsonObject{{"url", m_peer.url("/" + ids[i])}})
                                      .toJson(QJsonDocument::Compact),
                                  Http::bearer(m_admin)));
            for (QNetworkReply *reply : replies) {
                const Answer answer = Http::finish(reply);
                QCOMPARE(answer.status, 200);
                QCOMPARE(answer.data().value("success").toBool(), true);
            }
        }
        QCOMPARE(m_peer.requests().size(), kCredentials);
        for (const RecordedRequest &request : m_peer.requests()) {
            const QString id = QString::fromUtf8(request.target.mid(1));
            QCOMPARE(request.headers.value("authorization"),
                     "Bearer " + m_tokens.value(id).toUtf8());
        }
    }
};

QTEST_GUILESS_MAIN(TestCredentialRotationCrash)
#include "TestCredentialRotationCrash.moc"
