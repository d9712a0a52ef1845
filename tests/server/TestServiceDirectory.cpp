// The server's hm::engine::ServiceResolver (server/services/external/
// ServiceDirectory) in-process, the way the engine uses it: endpoint() from
// another thread while services change on the owner's thread (a refresh
// removes the endpoint: ENDPOINT_NOT_FOUND, never a dangling spec), and
// authorize() called from a worker thread answering there, never inside the
// call, with the credential decrypted through the vault.

#include "crypto/Envelope.h"
#include "crypto/Random.h"
#include "openapi/OpenApiImport.h"
#include "server/repositories/UserRepository.h"
#include "server/services/credentials/CredentialVault.h"
#include "server/services/external/ServiceCatalog.h"
#include "server/services/external/ServiceDirectory.h"
#include "store/Database.h"
#include "store/DekRepository.h"
#include "store/Migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace hm;
using namespace hm::server;

namespace {

QByteArray document(bool withShow)
{
    QJsonObject paths{{"/pets", QJsonObject{{"get", QJsonObject{{"operationId", "listPets"},
                                                                {"responses", QJsonObject{}}}}}}};
    if (withShow)
        paths.insert(
            "/pets/{petId}",
            QJsonObject{{"get", QJsonObject{{"operationId", "showPet"},
                                            {"parameters",
                                             QJsonArray{QJsonObject{
                                                 {"name", "petId"},
                                                 {"in", "path"},
                                                 {"required", true},
                                                 {"schema", QJsonObject{{"type", "integer"}}}}}},
                                            {"responses", QJsonObject{}}}}});
    return QJsonDocument(QJsonObject{{"openapi", "3.0.0"},
                                     {"info", QJsonObject{{"title", "t"}, {"version", "1"}}},
                                     {"paths", paths}})
        .toJson();
}

external::FetchedDocument fetched(bool withShow)
{
    auto imported = openapi::importOpenApi(document(withShow));
    return {QUrl("http://127.0.0.1:9/openapi.json"), imported.value()};
}

} // namespace

class TestServiceDirectory : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::DekRepository> m_deks;
    std::unique_ptr<crypto::EnvelopeCipher> m_cipher;
    std::unique_ptr<credentials::CredentialVault> m_vault;
    std::unique_ptr<external::ServiceDirectory> m_directory;
    std::unique_ptr<external::ServiceCatalog> m_catalog;
    auth::Principal m_user;
    QString m_service;
    QString m_show;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = store::Database::open(m_dir.filePath("s.db"),
                                        crypto::SecureBytes::fromRaw(crypto::randomBytes(32)));
        QVERIFY(db.ok());
        m_db = std::move(db.value());
        QVERIFY(store::migrate(*m_db).ok());
        m_deks = std::make_unique<store::DekRepository>(*m_db);
        m_cipher = std::make_unique<crypto::EnvelopeCipher>(
            crypto::SecureBytes::fromRaw(crypto::randomBytes(32)), *m_deks);
        QVERIFY(m_cipher->load().ok());
        m_vault = std::make_unique<credentials::CredentialVault>(*m_db, *m_cipher);
        m_directory = std::make_unique<external::ServiceDirectory>(*m_db, *m_vault);
        QVERIFY(m_directory->reload().ok());
        m_catalog = std::make_unique<external::ServiceCatalog>(*m_db, *m_vault, *m_directory);
        auth::UserRepository users(*m_db);
        auto user = users.create({"u", "u@example.com", "U", {}, "not-a-real-hash"});
        if (!user)
            QFAIL(qPrintable(user.error().toString()));
        m_user.userId = user.value().id;
        m_user.username = QStringLiteral("u");
        m_user.role = auth::Role::User;

        auto credential =
            m_vault->create(m_user, {{"name", "bearer"},
                                     {"type", "http_bearer"},
                                     {"data", QJsonObject{{"token", "directory-token"}}}});
        if (!credential)
            QFAIL(qPrintable(credential.error().toString()));
        auto draft = m_catalog->prepare(m_user, {{"name", "pets"},
                                                 {"base_url", "http://127.0.0.1:9/v1"},
                                                 {"schema_url", "/openapi.json"},
                                                 {"timeout_ms", 1234},
                                                 {"credential_id", credential.value().id}});
        if (!draft)
            QFAIL(qPrintable(draft.error().toString()));
        auto service = m_catalog->create(draft.value(), fetched(true));
        if (!service)
            QFAIL(qPrintable(service.error().toString()));
        m_service = service.value().id;
        auto endpoints = m_catalog->endpoints(m_service, {});
        QVERIFY(endpoints.ok());
        for (const auto &e : std::as_const(endpoints.value()))
            if (e.name == QLatin1String("showPet"))
                m_show = e.id;
        QVERIFY(!m_show.isEmpty());
    }

    void endpointDescribesTheCall()
    {
        auto spec = m_directory->endpoint(m_service, m_show);
        if (!spec)
            QFAIL(qPrintable(spec.error().toString()));
        QCOMPARE(spec.value().method, QStringLiteral("GET"));
        QCOMPARE(spec.value().path, QStringLiteral("/pets/{petId}"));
        QCOMPARE(spec.value().baseUrl, QUrl("http://127.0.0.1:9/v1"));
        QCOMPARE(spec.value().timeoutMs, 1234);
        QCOMPARE(spec.value().parameters.size(), 1);
        QCOMPARE(spec.value().parameters.first().in, QStringLiteral("path"));
        QCOMPARE(spec.value().parameters.first().type, QStringLiteral("integer"));
        QVERIFY(spec.value().parameters.first().required);
        QVERIFY(!spec.value().hasBody);
        QCOMPARE(m_directory->endpoint("nope", m_show).error().code, ErrorCode::ServiceNotFound);
        QCOMPARE(m_directory->endpoint(m_service, "nope").error().code,
                 ErrorCode::EndpointNotFound);
    }

    // The engine thread asks while the owner's thread reloads and a refresh
    // removes the endpoint.
    void endpointIsThreadSafeAndSeesTheRemoval()
    {
        std::atomic<bool> stop{false};
        std::atomic<int> found{0};
        std::atomic<int> removed{0};
        std::atomic<int> wrong{0};
        QThread *engine = QThread::create([&] {
            while (!stop.load()) {
                auto spec = m_directory->endpoint(m_service, m_show);
                if (spec) {
                    ++found;
                    if (spec.value().path != QLatin1String("/pets/{petId}"))
                        ++wrong;
                } else if (spec.error().code == ErrorCode::EndpointNotFound &&
                           spec.error().message.contains("removed")) {
                    ++removed;
                } else {
                    ++wrong;
                }
            }
        });
        engine->start();
        for (int i = 0; i < 50; ++i)
            QVERIFY(m_directory->reload().ok());
        QTRY_VERIFY(found.load() > 0);
        auto refreshed = m_catalog->refresh(m_service, fetched(false), true);
        QVERIFY(refreshed.ok());
        QCOMPARE(refreshed.value().diff.removed.size(), 1);
        QTRY_VERIFY(removed.load() > 0);
        const int foundAfter = found.load();
        for (int i = 0; i < 20; ++i)
            QVERIFY(m_directory->reload().ok());
        stop = true;
        engine->wait();
        delete engine;
        QCOMPARE(wrong.load(), 0);
        // Nothing found it once it was gone.
        QCOMPARE(found.load(), foundAfter);
        const auto error = m_directory->endpoint(m_service, m_show).error();
        QCOMPARE(error.code, ErrorCode::EndpointNotFound);
        QCOMPARE(error.details.value("status").toString(), QStringLiteral("removed"));
        // Back in the document: found again under its id.
        QVERIFY(m_catalog->refresh(m_service, fetched(true), true).ok());
        QVERIFY(m_directory->endpoint(m_service, m_show).ok());
    }

    void authorizeAnswersOnTheCallersThread()
    {
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        std::atomic<bool> returned{false};
        std::atomic<bool> ranInside{false};
        std::atomic<QThread *> ranOn{nullptr};
        QByteArray header;
        QStringList secrets;
        std::atomic<bool> done{false};
        QMetaObject::invokeMethod(&context, [&] {
            m_directory->authorize(m_service, false, &context,
                                   [&](Result<engine::ServiceAuth> auth) {
                                       ranInside = !returned.load();
                                       ranOn = QThread::currentThread();
                                       if (auth) {
                                           header = auth.value().headers.value(0).second;
                                           secrets = auth.value().secrets;
                                       }
                                       done = true;
                                   });
            returned = true;
        });
        QTRY_VERIFY(done.load());
        QVERIFY(!ranInside.load());
        QCOMPARE(ranOn.load(), &worker);
        QCOMPARE(header, QByteArray("Bearer directory-token"));
        QCOMPARE(secrets, QStringList{"directory-token"});

        // An unknown service: an error, on the same terms.
        done = false;
        ErrorCode code = ErrorCode::InternalError;
        QMetaObject::invokeMethod(&context, [&] {
            m_directory->authorize("nope", true, &context, [&](Result<engine::ServiceAuth> auth) {
                code = auth ? ErrorCode::InternalError : auth.error().code;
                ranOn = QThread::currentThread();
                done = true;
            });
        });
        QTRY_VERIFY(done.load());
        QCOMPARE(code, ErrorCode::ServiceNotFound);
        QCOMPARE(ranOn.load(), &worker);
        worker.quit();
        worker.wait();
    }

    void cleanupTestCase()
    {
        m_catalog.reset();
        m_directory.reset();
        m_vault.reset();
        m_cipher.reset();
        m_deks.reset();
        m_db.reset();
    }
};

QTEST_GUILESS_MAIN(TestServiceDirectory)
#include "TestServiceDirectory.moc"
