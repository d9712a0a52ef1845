#pragma once

// The credential types of seed 003 §13.2 and their fields: which are secret,
// which required, how each is checked; the split of a credential's data
// into what may be shown (public fields, which secret fields are set) and
// what is only ever stored encrypted (the secret values). No I/O: the
// vault (CredentialVault) and its unit test use it. (An ssh key is parsed
// with libssh in memory, SshKeyCheck.h.)

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hm::server::credentials {

enum class FieldKind
{
    Text,     // a string (non-empty when given)
    Port,     // an integer 1..65535
    Choice,   // one of FieldSpec::choices
    TextList, // an array of strings, or one space-separated string
    Url       // an absolute http or https URL
};

struct FieldSpec
{
    QString name;
    FieldKind kind = FieldKind::Text;
    bool secret = false;
    bool required = false;
    QStringList choices = {};
};

// "http_basic", "http_bearer", "api_key", "oauth2", "database", "ssh".
const QStringList &credentialTypes();
// The fields of `type`, or nullptr for an unknown type.
const QList<FieldSpec> *fieldsOf(const QString &type);
// "private", "workspace", "shared" (docs/vault.md "Visibility"). One
// HiveMind server is one workspace, so "workspace" (every signed-in user of
// this server) and "shared" reach the same people: both are visible to and
// usable by every user; only the owner and administrators change them.
const QStringList &credentialVisibilities();
// True for the visibilities every user of the server may see and use.
bool visibleToEveryone(const QString &visibility);

// A credential's data split in two. Secret values never leave the server:
// they are encrypted into the row and decrypted only to be used.
struct CredentialData
{
    QJsonObject publicFields; // non-secret fields that are set
    QJsonObject secrets;      // secret fields that are set

    // Names of the secret fields that are set, sorted.
    QStringList secretNames() const;
};

// The data of a new credential of `type` (a known type). VALIDATION_ERROR
// naming the field ("data.password") for a missing required field, a
// wrong kind or an unknown field; messages never quote a value.
// api_key takes the seed's {"header": "X-API-Key"} as {"in": "header",
// "name": "X-API-Key"}. An ssh credential's private key must parse (with its
// passphrase): VALIDATION_ERROR saying why not (SshKeyCheck.h).
Result<CredentialData> parseData(const QString &type, const QJsonObject &data);

// An update: each field of `patch` replaces the current one, an explicit
// null clears it, absent fields are kept; the result is checked like new
// data (clearing a required field is VALIDATION_ERROR naming it), an ssh
// key again only when the patch changes the key or its passphrase.
Result<CredentialData> applyPatch(const QString &type, const CredentialData &current,
                                  const QJsonObject &patch);

// {"password": true, "token": false, …}: every secret field of the type and
// whether it holds a value.
QJsonObject secretFlags(const QString &type, const QStringList &setSecrets);

// The secrets as the bytes that get encrypted (compact JSON), and back.
// DECRYPTION_ERROR when the bytes are not a JSON object.
QByteArray encodeSecrets(const QJsonObject &secrets);
Result<QJsonObject> decodeSecrets(const QByteArray &plaintext);

} // namespace hm::server::credentials
