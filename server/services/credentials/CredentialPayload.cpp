#include "server/services/credentials/CredentialPayload.h"

#include "server/services/credentials/SshKeyCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <map>

namespace hm::server::credentials {
namespace {

// Longest text field, and longest private key (a PEM RSA-8192 key is ~6.5 KB).
constexpr qsizetype kMaxTextLength = 4096;
constexpr qsizetype kMaxKeyLength = 64 * 1024;

const std::map<QString, QList<FieldSpec>> &typeTable()
{
    using K = FieldKind;
    static const std::map<QString, QList<FieldSpec>> table{
        {QStringLiteral("http_basic"),
         {{QStringLiteral("username"), K::Text, false, true},
          {QStringLiteral("password"), K::Text, true, true}}},
        {QStringLiteral("http_bearer"), {{QStringLiteral("token"), K::Text, true, true}}},
        {QStringLiteral("api_key"),
         {{QStringLiteral("key"), K::Text, true, true},
          {QStringLiteral("in"),
           K::Choice,
           false,
           false,
           {QStringLiteral("header"), QStringLiteral("query")}},
          {QStringLiteral("name"), K::Text, false, true},
          {QStringLiteral("prefix"), K::Text, false, false}}},
        {QStringLiteral("oauth2"),
         {{QStringLiteral("clientId"), K::Text, false, true},
          {QStringLiteral("clientSecret"), K::Text, true, true},
          {QStringLiteral("tokenUrl"), K::Url, false, true},
          {QStringLiteral("scopes"), K::TextList, false, false}}},
        {QStringLiteral("database"),
         {{QStringLiteral("host"), K::Text, false, true},
          {QStringLiteral("port"), K::Port, false, false},
          {QStringLiteral("database"), K::Text, false, true},
          {QStringLiteral("username"), K::Text, false, true},
          {QStringLiteral("password"), K::Text, true, false},
          {QStringLiteral("driver"),
           K::Choice,
           false,
           false,
           {QStringLiteral("postgresql"), QStringLiteral("mysql")}}}},
        {QStringLiteral("ssh"),
         {{QStringLiteral("host"), K::Text, false, true},
          {QStringLiteral("port"), K::Port, false, false},
          {QStringLiteral("username"), K::Text, false, true},
          {QStringLiteral("privateKey"), K::Text, true, true},
          {QStringLiteral("passphrase"), K::Text, true, false},
          // The server's host key fingerprint, pinned: "SHA256:" and 43
          // characters of unpadded base64 (ssh-keygen -l -E sha256).
          {QStringLiteral("hostKey"), K::Text, false, false}}},
    };
    return table;
}

Error invalid(const QString &field, const QString &message)
{
    const QString path = QStringLiteral("data.") + field;
    return Error{ErrorCode::ValidationError,
                 path + QLatin1Char(' ') + message,
                 {{QStringLiteral("field"), path}}};
}

// The seed's api_key shape {"header": "X-API-Key"}: the key goes in that header.
QJsonObject normalised(const QString &type, QJsonObject data)
{
    if (type == QLatin1String("api_key") && data.contains(QStringLiteral("header")) &&
        !data.contains(QStringLiteral("name"))) {
        data.insert(QStringLiteral("name"), data.take(QStringLiteral("header")));
        if (!data.contains(QStringLiteral("in")))
            data.insert(QStringLiteral("in"), QStringLiteral("header"));
    }
    return data;
}

// The checked value of one field (never quoting what was given).
Result<QJsonValue> checkField(const FieldSpec &spec, const QJsonValue &value)
{
    switch (spec.kind) {
    case FieldKind::Text: {
        if (!value.isString())
            return invalid(spec.name, QStringLiteral("must be a string"));
        const QString text = value.toString();
        if (text.isEmpty())
            return invalid(spec.name, QStringLiteral("must not be empty"));
        const qsizetype limit =
            spec.name == QLatin1String("privateKey") ? kMaxKeyLength : kMaxTextLength;
        if (text.size() > limit)
            return invalid(spec.name, QStringLiteral("is longer than %1 characters").arg(limit));
        // Values end up in HTTP headers and connection strings: no line
        // breaks or other control characters (a PEM key has line breaks).
        const bool multiLine = spec.name == QLatin1String("privateKey");
        for (const QChar c : text) {
            const bool control = c.unicode() < 0x20 || c.unicode() == 0x7f;
            if (control && !(multiLine && (c == u'\n' || c == u'\r' || c == u'\t')))
                return invalid(spec.name, QStringLiteral("must not contain control characters"));
        }
        if (spec.name == QLatin1String("hostKey")) {
            static const QRegularExpression fingerprint(
                QStringLiteral("^SHA256:[A-Za-z0-9+/]{43}$"));
            if (!fingerprint.match(text).hasMatch())
                return invalid(spec.name,
                               QStringLiteral("must be a SHA-256 host key fingerprint such as "
                                              "SHA256:AbC… (43 base64 characters), as "
                                              "ssh-keygen -l -E sha256 prints it"));
        }
        return value;
    }
    case FieldKind::Port: {
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(qint64(number)) || number < 1 || number > 65535)
            return invalid(spec.name, QStringLiteral("must be an integer from 1 to 65535"));
        return QJsonValue(qint64(number));
    }
    case FieldKind::Choice:
        if (!value.isString() || !spec.choices.contains(value.toString()))
            return invalid(spec.name,
                           QStringLiteral("must be one of: %1").arg(spec.choices.join(u", ")));
        return value;
    case FieldKind::TextList: {
        QStringList items;
        if (value.isString()) {
            items = value.toString().split(u' ', Qt::SkipEmptyParts);
        } else if (value.isArray()) {
            for (const QJsonValue &item : value.toArray()) {
                if (!item.isString() || item.toString().trimmed().isEmpty())
                    return invalid(spec.name, QStringLiteral("must hold non-empty strings only"));
                items.append(item.toString().trimmed());
            }
        } else {
            return invalid(spec.name, QStringLiteral("must be an array of strings"));
        }
        if (items.join(u' ').size() > kMaxTextLength)
            return invalid(spec.name,
                           QStringLiteral("is longer than %1 characters").arg(kMaxTextLength));
        return QJsonValue(QJsonArray::fromStringList(items));
    }
    case FieldKind::Url: {
        const QUrl url(value.toString(), QUrl::StrictMode);
        if (!value.isString() || !url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            value.toString().size() > kMaxTextLength)
            return invalid(spec.name, QStringLiteral("must be an absolute http or https URL"));
        return value;
    }
    }
    return value;
}

// Checks every field of `data` (already merged) against the type.
Result<CredentialData> check(const QString &type, const QJsonObject &data)
{
    const QList<FieldSpec> *specs = fieldsOf(type);
    if (!specs)
        return Error{ErrorCode::InvalidCredentialType,
                     QStringLiteral("type must be one of: %1")
                         .arg(credentialTypes().join(QStringLiteral(", "))),
                     {{QStringLiteral("field"), QStringLiteral("type")}}};
    for (auto it = data.begin(); it != data.end(); ++it) {
        const bool known = std::any_of(specs->begin(), specs->end(),
                                       [&](const FieldSpec &s) { return s.name == it.key(); });
        if (!known)
            return invalid(it.key(), QStringLiteral("is not a field of a %1 credential").arg(type));
    }
    CredentialData result;
    for (const FieldSpec &spec : *specs) {
        const QJsonValue value = data.value(spec.name);
        if (value.isUndefined() || value.isNull()) {
            if (spec.required)
                return invalid(spec.name,
                               QStringLiteral("is required for a %1 credential").arg(type));
            continue;
        }
        Result<QJsonValue> checked = checkField(spec, value);
        if (!checked)
            return checked.error();
        (spec.secret ? result.secrets : result.publicFields).insert(spec.name, checked.value());
    }
    // An api_key's header name is an HTTP token (RFC 9110 §5.6.2).
    if (type == QLatin1String("api_key") &&
        result.publicFields.value(QStringLiteral("in")).toString() != QLatin1String("query")) {
        static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
        if (!token.match(result.publicFields.value(QStringLiteral("name")).toString()).hasMatch())
            return invalid(QStringLiteral("name"),
                           QStringLiteral("must be an HTTP header name (letters, digits and "
                                          "!#$%&'*+.^_`|~-)"));
    }
    return result;
}

// An ssh credential's key parsed with its passphrase (SshKeyCheck.h).
Result<CredentialData> withSshKeyChecked(const QString &type, Result<CredentialData> data)
{
    if (!data || type != QLatin1String("ssh"))
        return data;
    const QJsonObject &secrets = data.value().secrets;
    if (Status key = checkSshPrivateKey(secrets.value(QStringLiteral("privateKey")).toString(),
                                        secrets.value(QStringLiteral("passphrase")).toString());
        !key)
        return key.error();
    return data;
}

} // namespace

const QStringList &credentialTypes()
{
    static const QStringList types{QStringLiteral("http_basic"), QStringLiteral("http_bearer"),
                                   QStringLiteral("api_key"),    QStringLiteral("oauth2"),
                                   QStringLiteral("database"),   QStringLiteral("ssh")};
    return types;
}

const QList<FieldSpec> *fieldsOf(const QString &type)
{
    const auto found = typeTable().find(type);
    return found == typeTable().end() ? nullptr : &found->second;
}

const QStringList &credentialVisibilities()
{
    static const QStringList values{QStringLiteral("private"), QStringLiteral("workspace"),
                                    QStringLiteral("shared")};
    return values;
}

bool visibleToEveryone(const QString &visibility)
{
    return visibility == QLatin1String("shared") || visibility == QLatin1String("workspace");
}

QStringList CredentialData::secretNames() const
{
    QStringList names = secrets.keys();
    names.sort();
    return names;
}

Result<CredentialData> parseData(const QString &type, const QJsonObject &data)
{
    return withSshKeyChecked(type, check(type, normalised(type, data)));
}

Result<CredentialData> applyPatch(const QString &type, const CredentialData &current,
                                  const QJsonObject &patch)
{
    QJsonObject merged = current.publicFields;
    for (auto it = current.secrets.begin(); it != current.secrets.end(); ++it)
        merged.insert(it.key(), it.value());
    const QJsonObject changes = normalised(type, patch);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    // The key is parsed again only when it or its passphrase changes: a
    // credential saved before keys were checked can still be edited.
    if (changes.contains(QStringLiteral("privateKey")) ||
        changes.contains(QStringLiteral("passphrase")))
        return withSshKeyChecked(type, check(type, merged));
    return check(type, merged);
}

QJsonObject secretFlags(const QString &type, const QStringList &setSecrets)
{
    QJsonObject flags;
    if (const QList<FieldSpec> *specs = fieldsOf(type)) {
        for (const FieldSpec &spec : *specs) {
            if (spec.secret)
                flags.insert(spec.name, setSecrets.contains(spec.name));
        }
    }
    return flags;
}

QByteArray encodeSecrets(const QJsonObject &secrets)
{
    return QJsonDocument(secrets).toJson(QJsonDocument::Compact);
}

Result<QJsonObject> decodeSecrets(const QByteArray &plaintext)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(plaintext, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorCode::DecryptionError,
                     QStringLiteral("the credential's decrypted data is not a JSON object"),
                     {}};
    return document.object();
}

} // namespace hm::server::credentials
