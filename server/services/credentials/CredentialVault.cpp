#include "server/services/credentials/CredentialVault.h"

#include "common/Logging.h"
#include "crypto/Envelope.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::server::credentials {

using auth::Principal;
using auth::Role;

namespace {

constexpr qsizetype kMaxDescriptionLength = 4096;

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QStringList parseNames(const QString &text)
{
    QStringList names;
    for (const QJsonValue &name : QJsonDocument::fromJson(text.toUtf8()).array())
        names.append(name.toString());
    return names;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compact(const QStringList &names)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact));
}

// The key version of an envelope ciphertext "v{n}:…" (0 when not one).
int envelopeVersion(const QString &sealed)
{
    const qsizetype colon = sealed.indexOf(u':');
    return colon > 1 && sealed.startsWith(u'v') ? sealed.mid(1, colon - 1).toInt() : 0;
}

bool canSee(const Principal &caller, const CredentialRow &row)
{
    return caller.role == Role::Admin || row.ownerId == caller.userId ||
           visibleToEveryone(row.visibility);
}

bool canChange(const Principal &caller, const CredentialRow &row)
{
    return caller.role == Role::Admin || row.ownerId == caller.userId;
}

Error notFound(const QString &id)
{
    return Error{ErrorCode::CredentialNotFound, QStringLiteral("no credential %1").arg(id), {}};
}

Result<QString> nameField(const QJsonObject &body, bool required)
{
    const QJsonValue value = body.value(QStringLiteral("name"));
    if (value.isUndefined() && !required)
        return QString();
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return auth::fieldError(QStringLiteral("name"),
                                QStringLiteral("name is required and must be a non-empty string"));
    const QString name = value.toString().trimmed();
    if (name.size() > kMaxNameLength)
        return auth::fieldError(
            QStringLiteral("name"),
            QStringLiteral("name is longer than %1 characters").arg(kMaxNameLength));
    return name;
}

// nullopt: absent (keep); "" : null or empty (clear).
Result<std::optional<QString>> descriptionField(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("description"));
    if (value.isUndefined())
        return std::optional<QString>();
    if (value.isNull())
        return std::optional<QString>(QString());
    if (!value.isString())
        return auth::fieldError(QStringLiteral("description"),
                                QStringLiteral("description must be a string or null"));
    if (value.toString().size() > kMaxDescriptionLength)
        return auth::fieldError(
            QStringLiteral("description"),
            QStringLiteral("description is longer than %1 characters").arg(kMaxDescriptionLength));
    return std::optional<QString>(value.toString());
}

Result<QString> visibilityField(const QJsonObject &body, const QString &fallback)
{
    const QJsonValue value = body.value(QStringLiteral("visibility"));
    if (value.isUndefined())
        return fallback;
    if (!value.isString() || !credentialVisibilities().contains(value.toString()))
        return auth::fieldError(QStringLiteral("visibility"),
                                QStringLiteral("visibility must be one of: %1")
                                    .arg(credentialVisibilities().join(QStringLiteral(", "))));
    return value.toString();
}

Result<QJsonObject> dataField(const QJsonObject &body, bool required)
{
    const QJsonValue value = body.value(QStringLiteral("data"));
    if (value.isUndefined() && !required)
        return QJsonObject();
    if (!value.isObject())
        return auth::fieldError(QStringLiteral("data"),
                                QStringLiteral("data is required and must be an object of the "
                                               "type's fields"));
    return value.toObject();
}

} // namespace

QJsonObject credentialJson(const CredentialRow &row)
{
    return QJsonObject{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("description"),
         row.description.isEmpty() ? QJsonValue() : QJsonValue(row.description)},
        {QStringLiteral("type"), row.type},
        {QStringLiteral("visibility"), row.visibility},
        {QStringLiteral("owner_id"), row.ownerId},
        {QStringLiteral("owner_name"),
         row.ownerName.isEmpty() ? QJsonValue() : QJsonValue(row.ownerName)},
        {QStringLiteral("data"), parseObject(row.publicData)},
        {QStringLiteral("secret_fields"), secretFlags(row.type, parseNames(row.secretFields))},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
        {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)}};
}

Result<QString> CredentialVault::seal(const QString &id, const CredentialData &data, int *version)
{
    QByteArray plaintext = encodeSecrets(data.secrets);
    Result<QString> sealed =
        m_cipher.encrypt(plaintext, crypto::DekPurpose::Credential, id.toUtf8());
    crypto::wipe(plaintext);
    if (!sealed)
        return sealed.error();
    *version = envelopeVersion(sealed.value());
    return sealed;
}

Result<CredentialData> CredentialVault::open(const CredentialRow &row)
{
    Result<QByteArray> plaintext =
        m_cipher.decrypt(row.encryptedData, crypto::DekPurpose::Credential, row.id.toUtf8());
    if (!plaintext) {
        // The reason (authentication failed, unknown key version) without any data.
        qCWarning(lcServer).noquote()
            << "credential" << row.id << "cannot be decrypted:" << plaintext.error().message;
        return Error{ErrorCode::DecryptionError,
                     QStringLiteral("the credential %1 cannot be decrypted").arg(row.id),
                     {}};
    }
    Result<QJsonObject> secrets = decodeSecrets(plaintext.value());
    crypto::wipe(plaintext.value());
    if (!secrets)
        return secrets.error();
    return CredentialData{parseObject(row.publicData), secrets.value()};
}

Result<CredentialRow> CredentialVault::create(const Principal &caller, const QJsonObject &body)
{
    Result<QString> name = nameField(body, true);
    if (!name)
        return name.error();
    Result<std::optional<QString>> description = descriptionField(body);
    if (!description)
        return description.error();
    const QJsonValue type = body.value(QStringLiteral("type"));
    if (!type.isString() || !fieldsOf(type.toString()))
        return Error{ErrorCode::InvalidCredentialType,
                     QStringLiteral("type must be one of: %1")
                         .arg(credentialTypes().join(QStringLiteral(", "))),
                     {{QStringLiteral("field"), QStringLiteral("type")},
                      {QStringLiteral("allowed"), QJsonArray::fromStringList(credentialTypes())}}};
    Result<QString> visibility = visibilityField(body, QStringLiteral("private"));
    if (!visibility)
        return visibility.error();
    Result<QJsonObject> rawData = dataField(body, true);
    if (!rawData)
        return rawData.error();
    Result<CredentialData> data = parseData(type.toString(), rawData.value());
    if (!data)
        return data.error();

    CredentialRow row;
    row.id = crypto::uuid();
    row.name = name.value();
    row.description = description.value().value_or(QString());
    row.type = type.toString();
    row.visibility = visibility.value();
    row.publicData = compact(data.value().publicFields);
    row.secretFields = compact(data.value().secretNames());
    Result<QString> sealed = seal(row.id, data.value(), &row.dekVersion);
    if (!sealed)
        return sealed.error();
    row.encryptedData = sealed.value();
    row.ownerId = caller.userId;
    row.ownerName = caller.username;
    row.createdAt = row.updatedAt = auth::nowMs();
    if (Status inserted = repositories::insertCredential(m_db, row); !inserted)
        return inserted.error();
    return row;
}

Result<CredentialRow> CredentialVault::get(const Principal &caller, const QString &id)
{
    Result<std::optional<CredentialRow>> row = repositories::credentialById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value() || !canSee(caller, *row.value()))
        return notFound(id);
    return *row.value();
}

Result<CredentialRow> CredentialVault::getForChange(const Principal &caller, const QString &id)
{
    Result<CredentialRow> row = get(caller, id);
    if (row && !canChange(caller, row.value()))
        return Error{ErrorCode::CredentialAccessDenied,
                     QStringLiteral("only the credential's owner or an administrator may change "
                                    "or use it"),
                     {}};
    return row;
}

Result<CredentialRow> CredentialVault::update(const Principal &caller, const QString &id,
                                              const QJsonObject &body, QStringList *changed)
{
    // One transaction: a rotation batch committed between the read and the
    // write cannot be overwritten by an older ciphertext.
    Result<store::Transaction> transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    Result<CredentialRow> found = getForChange(caller, id);
    if (!found)
        return found.error();
    CredentialRow row = found.value();
    const QJsonValue type = body.value(QStringLiteral("type"));
    if (!type.isUndefined() && type != QJsonValue(row.type))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("a credential's type cannot change; create a new one"),
                     {{QStringLiteral("field"), QStringLiteral("type")}}};
    Result<QString> name = nameField(body, false);
    if (!name)
        return name.error();
    Result<std::optional<QString>> description = descriptionField(body);
    if (!description)
        return description.error();
    Result<QString> visibility = visibilityField(body, row.visibility);
    if (!visibility)
        return visibility.error();
    Result<QJsonObject> patch = dataField(body, false);
    if (!patch)
        return patch.error();

    if (!name.value().isEmpty() && name.value() != row.name) {
        row.name = name.value();
        changed->append(QStringLiteral("name"));
    }
    if (description.value() && *description.value() != row.description) {
        row.description = *description.value();
        changed->append(QStringLiteral("description"));
    }
    if (visibility.value() != row.visibility) {
        row.visibility = visibility.value();
        changed->append(QStringLiteral("visibility"));
    }
    if (!patch.value().isEmpty()) {
        // Only a change of data needs the secrets, so a row that cannot be
        // decrypted can still be renamed or deleted.
        Result<CredentialData> current = open(row);
        if (!current)
            return current.error();
        Result<CredentialData> next = applyPatch(row.type, current.value(), patch.value());
        if (!next)
            return next.error();
        for (auto it = patch.value().begin(); it != patch.value().end(); ++it)
            changed->append(QStringLiteral("data.") + it.key());
        row.publicData = compact(next.value().publicFields);
        row.secretFields = compact(next.value().secretNames());
        Result<QString> sealed = seal(row.id, next.value(), &row.dekVersion);
        if (!sealed)
            return sealed.error();
        row.encryptedData = sealed.value();
    }
    if (changed->isEmpty())
        return row;
    row.updatedAt = auth::nowMs();
    if (Status updated = repositories::updateCredential(m_db, row); !updated)
        return updated.error();
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();
    return row;
}

Result<CredentialRow> CredentialVault::remove(const Principal &caller, const QString &id)
{
    Result<CredentialRow> row = getForChange(caller, id);
    if (!row)
        return row.error();
    Result<QList<repositories::CredentialUsage>> usages = repositories::credentialUsages(m_db, id);
    if (!usages)
        return usages.error();
    if (!usages.value().isEmpty()) {
        QJsonArray users;
        QStringList names;
        for (const repositories::CredentialUsage &usage : std::as_const(usages.value())) {
            users.append(QJsonObject{{QStringLiteral("type"), usage.userType},
                                     {QStringLiteral("id"), usage.userId},
                                     {QStringLiteral("name"), usage.userName.isEmpty()
                                                                  ? QJsonValue()
                                                                  : QJsonValue(usage.userName)}});
            names.append(usage.userName.isEmpty() ? usage.userId : usage.userName);
        }
        return Error{ErrorCode::CredentialInUse,
                     QStringLiteral("the credential is used by %1; unlink it first")
                         .arg(names.join(QStringLiteral(", "))),
                     {{QStringLiteral("usages"), users}}};
    }
    if (Status deleted = repositories::deleteCredential(m_db, id); !deleted)
        return deleted.error();
    return row;
}

} // namespace hm::server::credentials
