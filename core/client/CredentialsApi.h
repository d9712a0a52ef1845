#pragma once

// The credential vault (/credentials, seed 003 §13; docs/vault.md): stored
// secrets of six types, write-only. An answer never holds a secret value:
// `data` carries the non-secret fields and `secretFields` says which secret
// fields hold a value.

#include "client/ApiTypes.h"

#include <QJsonObject>
#include <QMap>

namespace hm::client {

class ApiClient;

struct CredentialInfo
{
    QString id;
    QString name;
    QString description;
    QString type;       // http_basic, http_bearer, api_key, oauth2, database, ssh
    QString visibility; // "private" / "shared" / "workspace" (= shared, docs/vault.md)
    QString ownerId;
    QString ownerName;
    QJsonObject data; // the non-secret fields only
    // Every secret field of the type, and whether it holds a value.
    QMap<QString, bool> secretFields;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool hasSecret(const QString &field) const { return secretFields.value(field); }
};

struct CredentialFilter
{
    QString type;   // empty = every type
    QString search; // part of the name, any case
    PageRequest page;
};

struct NewCredential
{
    QString name;
    QString description;
    QString type;
    QString visibility; // empty = the server's default (private)
    QJsonObject data;   // non-secret and secret fields
};

// POST /credentials/{id}/test: whether the peer took the credential.
struct CredentialTestResult
{
    bool success = false;
    QString message;
    int httpStatus = 0; // 0 when no HTTP answer was involved
    qint64 durationMs = 0;
};

struct CredentialKeyVersion
{
    int version = 0;
    QString status; // ACTIVE / DECRYPT_ONLY / RETIRED
    QDateTime createdAt;
    QDateTime retiredAt;
    qint64 credentials = 0; // rows sealed under this version
};

struct CredentialRotation
{
    QString state; // idle / running / unfinished
    qint64 total = 0;
    qint64 reencrypted = 0;
    qint64 failed = 0;
    qint64 remaining = 0;
    int batchSize = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString error;
};

// GET /credentials/key-status (ADMIN): the data key versions and the
// rotation's progress.
struct CredentialKeyStatus
{
    QString purpose;
    int activeVersion = 0;
    QList<CredentialKeyVersion> keys;
    CredentialRotation rotation;
};

// What uses a credential (GET /credentials/{id}/usages, and details.usages
// of CREDENTIAL_IN_USE): type "service", ...
struct CredentialUsage
{
    QString type;
    QString id;
    QString name;
    QDateTime createdAt; // invalid in a CREDENTIAL_IN_USE refusal
};

namespace json {
CredentialInfo credential(const QJsonObject &o);
CredentialUsage credentialUsage(const QJsonObject &o);
CredentialKeyStatus credentialKeyStatus(const QJsonObject &o);
} // namespace json

// The users a CREDENTIAL_IN_USE refusal lists (empty for other errors).
QList<CredentialUsage> credentialUsages(const Error &error);

class CredentialsApi
{
public:
    explicit CredentialsApi(ApiClient &client) : m_client(client) {}

    // Own and shared credentials (administrators: all), newest first.
    void list(const CredentialFilter &filter, Callback<Page<CredentialInfo>> done);
    void get(const QString &id, Callback<CredentialInfo> done);
    void create(const NewCredential &credential, Callback<CredentialInfo> done);
    // Any of name, description, visibility and data; each data field given
    // replaces the stored one, a JSON null clears it, absent ones are kept.
    void update(const QString &id, const QJsonObject &changes, Callback<CredentialInfo> done);
    // What uses it (services linking it), by type and name, a page at a time.
    void usages(const QString &id, const PageRequest &page, Callback<Page<CredentialUsage>> done);
    // CREDENTIAL_IN_USE while something uses it (credentialUsages()).
    void remove(const QString &id, Callback<void> done);
    // `url` for the HTTP types (ignored by the others); empty sends none.
    void test(const QString &id, const QString &url, Callback<CredentialTestResult> done);
    void keyStatus(Callback<CredentialKeyStatus> done);
    // Starts a rotation of the data key (202); CONFLICT while one is
    // unfinished (the server resumes it).
    void rotateKey(Callback<CredentialKeyStatus> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
