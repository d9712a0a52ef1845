// API-key lookup (server/services/auth/ApiKeyService::find) on arbitrary key text,
// against a real (temporary, migrated) database holding one active and one
// revoked key under the same prefix. Oracles: only the exact active key is
// ever accepted (a revoked key, the right prefix with another secret, or any
// near miss is TOKEN_INVALID); the accepted record is that key's row; and
// admit() on it, with a fixed request, never fails for another reason than
// the restrictions set on the row.

#include "FuzzCheck.h"
#include "crypto/Random.h"
#include "server/services/auth/ApiKeyService.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QTemporaryDir>

using namespace hm;
using namespace hm::server::auth;

namespace {

// The seeds in corpus/ApiKey use these two keys.
const QString kActive = QStringLiteral("hm_0123abcd_fuzzActiveSecret-AAAAAAAAAAAAAAAAAAAA");
const QString kRevoked = QStringLiteral("hm_0123abcd_fuzzRevokedSecret_BBBBBBBBBBBBBBBBBBB");
constexpr qint64 kNowMs = 1700000000000;

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<ApiKeyService> keys;
};

void insertKey(store::Database &db, const QString &id, const QString &key, const char *status)
{
    const Status done =
        db.exec(QStringLiteral("INSERT INTO api_keys (id, user_id, name, key_hash, key_prefix, "
                               "access_level, permissions, allowed_ips, allowed_endpoints, status) "
                               "VALUES ('%1', 'u1', 'fuzz', '%2', '0123abcd', 'write', '[]', "
                               "'[\"127.0.0.1\", \"10.0.0.0/8\", \"::1\", \"bad\"]', "
                               "'[\"/api/v1/*\"]', '%3')")
                    .arg(id, crypto::sha256Hex(key.toUtf8()), QLatin1String(status)));
    HM_FUZZ_CHECK(done.ok(), "could not insert a key");
}

Fixture &fixture()
{
    static Fixture *f = [] {
        auto *made = new Fixture;
        HM_FUZZ_CHECK(made->dir.isValid(), "no temporary directory");
        auto db = store::Database::open(made->dir.filePath(QStringLiteral("fuzz.db")),
                                        crypto::SecureBytes::fromRaw(QByteArray(32, 'k')));
        HM_FUZZ_CHECK(db.ok(), "could not open the database");
        made->db = std::move(db.value());
        HM_FUZZ_CHECK(store::migrate(*made->db).ok(), "could not migrate");
        HM_FUZZ_CHECK(made->db
                          ->exec(QStringLiteral(
                              "INSERT INTO users (id, username, email, password_hash, name, "
                              "status) VALUES ('u1', 'fuzz', 'fuzz@example.com', 'x', 'Fuzz', "
                              "'active')"))
                          .ok(),
                      "could not insert the user");
        insertKey(*made->db, QStringLiteral("k1"), kActive, "active");
        insertKey(*made->db, QStringLiteral("k2"), kRevoked, "revoked");
        made->keys = std::make_unique<ApiKeyService>(*made->db);
        return made;
    }();
    return *f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString key =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Fixture &f = fixture();
    const Result<ApiKeyService::KeyRecord> found = f.keys->find(key);
    if (!found.ok()) {
        HM_FUZZ_CHECK(found.error().code == ErrorCode::TokenInvalid, "refused with another code");
        HM_FUZZ_CHECK(key != kActive, "refused the active key");
        return 0;
    }
    HM_FUZZ_CHECK(key == kActive, "accepted a key that is not the active one");
    const ApiKeyService::KeyRecord &record = found.value();
    HM_FUZZ_CHECK(record.id == QLatin1String("k1") && record.userId == QLatin1String("u1"),
                  "accepted key maps to another row");
    HM_FUZZ_CHECK(record.ipRestricted && record.allowedSubnets.size() == 3, "allow-list parse");

    // Allowed address and path: admitted. Outside the allow-list: FORBIDDEN.
    ApiKeyService::Request request{QStringLiteral("GET"), QStringLiteral("/api/v1/flows"),
                                   QHostAddress(QStringLiteral("10.1.2.3"))};
    const auto admitted = f.keys->admit(record, request, kNowMs);
    HM_FUZZ_CHECK(admitted.ok(), "an allowed request was refused");
    request.client = QHostAddress(QStringLiteral("192.168.0.1"));
    HM_FUZZ_CHECK(!f.keys->admit(record, request, kNowMs).ok(), "allow-list not applied");
    return 0;
}
