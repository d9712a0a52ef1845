#include "server/services/credentials/SshKeyCheck.h"

#include "crypto/SecureBytes.h"
#include "server/services/credentials/SshHandles.h"

#include <QRegularExpression>
#include <QtEndian>
#include <libssh/libssh.h>
#include <memory>

namespace hm::server::credentials {
namespace {

using Key = SshKeyHandle;

// libssh asks this for a passphrase it was not given. Without it OpenSSL
// would prompt on the server's terminal for an encrypted PEM key.
int noPassphrase(const char *, char *, size_t, int, int, void *)
{
    return SSH_ERROR;
}

Error refused(const QString &field, const QString &message, const QString &reason)
{
    const QString path = QStringLiteral("data.") + field;
    return Error{ErrorCode::ValidationError,
                 path + QLatin1Char(' ') + message,
                 {{QStringLiteral("field"), path}, {QStringLiteral("reason"), reason}}};
}

Error unsupportedType(const QString &typeName)
{
    return refused(QStringLiteral("privateKey"),
                   QStringLiteral("is a %1 key, a type the server cannot sign in with (use an "
                                  "ed25519, ECDSA or RSA key)")
                       .arg(typeName),
                   QStringLiteral("unsupported_key_type"));
}

// What the public part of an OpenSSH private key (PROTOCOL.key) tells
// without the passphrase: whether it is encrypted and the key's type.
struct OpenSshHeader
{
    bool valid = false;
    bool encrypted = false;
    QString keyType;
};

class BlobReader
{
public:
    explicit BlobReader(const QByteArray &blob) : m_blob(blob) {}
    bool readUint32(quint32 *value)
    {
        if (m_blob.size() - m_at < 4)
            return false;
        *value = qFromBigEndian<quint32>(m_blob.constData() + m_at);
        m_at += 4;
        return true;
    }
    bool readString(QByteArray *value)
    {
        quint32 length = 0;
        if (!readUint32(&length) || quint64(m_blob.size() - m_at) < length)
            return false;
        *value = m_blob.mid(m_at, length);
        m_at += length;
        return true;
    }

private:
    const QByteArray &m_blob;
    qsizetype m_at = 0;
};

OpenSshHeader openSshHeader(const QString &text)
{
    static const QRegularExpression block(
        QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----([A-Za-z0-9+/=\\s]*)"
                       "-----END OPENSSH PRIVATE KEY-----"));
    const QRegularExpressionMatch match = block.match(text);
    if (!match.hasMatch())
        return {};
    QByteArray base64 = match.captured(1).toLatin1();
    base64.removeIf([](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
    auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    crypto::wipe(base64);
    OpenSshHeader header;
    static const QByteArray magic("openssh-key-v1", 15); // with its NUL
    if (decoded && decoded.decoded.startsWith(magic)) {
        QByteArray blob = decoded.decoded.mid(magic.size());
        BlobReader reader(blob);
        QByteArray cipher, kdf, kdfOptions, publicKey, type;
        quint32 keys = 0;
        if (reader.readString(&cipher) && reader.readString(&kdf) &&
            reader.readString(&kdfOptions) && reader.readUint32(&keys) && keys >= 1 &&
            reader.readString(&publicKey)) {
            BlobReader publicReader(publicKey);
            static const QRegularExpression typeName(QStringLiteral("^[A-Za-z0-9@.+_-]{1,64}$"));
            if (publicReader.readString(&type) &&
                typeName.match(QString::fromLatin1(type)).hasMatch()) {
                header.valid = true;
                header.encrypted = cipher != "none";
                header.keyType = QString::fromLatin1(type);
            }
        }
        // The private part (encrypted or not) was copied with it.
        crypto::wipe(blob);
    }
    crypto::wipe(decoded.decoded);
    return header;
}

bool isSecurityKey(enum ssh_keytypes_e type)
{
    return type == SSH_KEYTYPE_SK_ECDSA || type == SSH_KEYTYPE_SK_ED25519 ||
           type == SSH_KEYTYPE_SK_ECDSA_CERT01 || type == SSH_KEYTYPE_SK_ED25519_CERT01;
}

} // namespace

Status checkSshPrivateKey(const QString &privateKey, const QString &passphrase)
{
    const QString privateKeyField = QStringLiteral("privateKey");
    static const QRegularExpression beginPrivate(
        QStringLiteral("-----BEGIN ([A-Z0-9]+ )?PRIVATE KEY-----"));
    const QRegularExpressionMatch begin = beginPrivate.match(privateKey);
    if (!begin.hasMatch()) {
        static const QRegularExpression publicKey(
            QStringLiteral("^\\s*(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+ AAAA"));
        if (publicKey.match(privateKey).hasMatch() ||
            privateKey.contains(QLatin1String("BEGIN SSH2 PUBLIC KEY")) ||
            privateKey.contains(QLatin1String("PUBLIC KEY-----")))
            return refused(privateKeyField,
                           QStringLiteral("is a public key; the private key is needed (the key "
                                          "file without .pub)"),
                           QStringLiteral("public_key"));
        return refused(privateKeyField,
                       QStringLiteral("is not a private key: it needs the whole key file, from "
                                      "its -----BEGIN … PRIVATE KEY----- line to its END line"),
                       QStringLiteral("not_a_private_key"));
    }

    const OpenSshHeader header = openSshHeader(privateKey);
    // A type libssh does not know fails to import whatever the passphrase:
    // say so rather than blame the passphrase.
    if (header.valid &&
        ssh_key_type_from_name(header.keyType.toLatin1().constData()) == SSH_KEYTYPE_UNKNOWN)
        return unsupportedType(header.keyType);

    QByteArray keyText = privateKey.toUtf8();
    QByteArray phrase = passphrase.toUtf8();
    ssh_key rawKey = nullptr;
    const int imported = ssh_pki_import_privkey_base64(
        keyText.constData(), phrase.isEmpty() ? nullptr : phrase.constData(), noPassphrase, nullptr,
        &rawKey);
    crypto::wipe(keyText);
    crypto::wipe(phrase);
    const Key key(rawKey);

    if (imported == SSH_OK) {
        const enum ssh_keytypes_e type = ssh_key_type(key.get());
        // Signing with a FIDO key needs its device, which the server has not.
        if (isSecurityKey(type))
            return unsupportedType(QString::fromLatin1(ssh_key_type_to_char(type)));
        return {};
    }
    const QString label = begin.captured(1).trimmed();
    const bool encrypted = header.encrypted || label == QLatin1String("ENCRYPTED") ||
                           privateKey.contains(QLatin1String("Proc-Type: 4,ENCRYPTED"));
    if (encrypted && passphrase.isEmpty())
        return refused(QStringLiteral("passphrase"),
                       QStringLiteral("is required: the private key is encrypted with one"),
                       QStringLiteral("passphrase_required"));
    if (encrypted)
        return refused(QStringLiteral("passphrase"),
                       QStringLiteral("does not decrypt the private key (wrong passphrase)"),
                       QStringLiteral("wrong_passphrase"));
    return refused(privateKeyField,
                   QStringLiteral("cannot be read as a private key: it is damaged, or of a type "
                                  "or format the server cannot read (use an ed25519, ECDSA or "
                                  "RSA key as ssh-keygen writes it)"),
                   QStringLiteral("unreadable_key"));
}

} // namespace hm::server::credentials
