#pragma once

// Real ssh private keys for the credential tests: an ssh credential's key
// must parse (SshKeyCheck.h), so the tests make theirs with ssh-keygen
// (openssh-client) into a directory of their own.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace hm::test {

// Runs ssh-keygen to write a `type` key ("ed25519", "rsa", "ecdsa")
// protected by `passphrase` (empty = none) to `path` (and `path`.pub), in
// the format `format` ("" = ssh-keygen's OpenSSH format, "PEM",
// "PKCS8"). The private key's text; empty when ssh-keygen failed (then
// *failure says why).
inline QString generateSshKey(const QString &path, const QString &type = QStringLiteral("ed25519"),
                              const QString &passphrase = {}, const QString &format = {},
                              QString *failure = nullptr)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    QStringList arguments{
        QStringLiteral("-q"),           QStringLiteral("-t"), type,
        QStringLiteral("-N"),           passphrase,           QStringLiteral("-C"),
        QStringLiteral("hivemind-test")};
    if (type == QLatin1String("rsa"))
        arguments << QStringLiteral("-b") << QStringLiteral("2048");
    if (!format.isEmpty())
        arguments << QStringLiteral("-m") << format;
    arguments << QStringLiteral("-f") << path;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("ssh-keygen"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        if (failure)
            *failure = QStringLiteral("ssh-keygen failed: ") + process.errorString() +
                       QLatin1Char(' ') + QString::fromLocal8Bit(process.readAll());
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (failure)
            *failure = file.errorString();
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace hm::test
