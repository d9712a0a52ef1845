#include "fleet/AgentRelease.h"

#include <QRegularExpression>
#include <QStringList>
#include <QSysInfo>

namespace hm::fleet {

namespace {

Error manifestError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

QList<int> versionParts(const QString &version)
{
    QList<int> parts;
    const QString core = version.section(u'-', 0, 0);
    for (const QString &part : core.split(u'.'))
        parts.append(part.toInt());
    return parts;
}

} // namespace

QByteArray ReleaseManifest::signedMessage() const
{
    return QByteArrayLiteral("hivemind-agent-release/1\n") + sha256.toHex() + '\n'
           + version.toUtf8() + '\n' + QByteArray::number(protocol) + '\n' + os.toUtf8() + '\n'
           + arch.toUtf8() + '\n' + QByteArray::number(size);
}

QJsonObject ReleaseManifest::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("version"), version},
            {QStringLiteral("protocol"), protocol},
            {QStringLiteral("os"), os},
            {QStringLiteral("arch"), arch},
            {QStringLiteral("size"), size},
            {QStringLiteral("sha256"), QString::fromLatin1(sha256.toHex())},
            {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}};
}

Result<ReleaseManifest> ReleaseManifest::fromJson(const QJsonObject &json)
{
    ReleaseManifest m;
    m.id = json.value(QStringLiteral("id")).toString();
    if (m.id.isEmpty() || m.id.size() > 64)
        return manifestError(QStringLiteral("id"), QStringLiteral("a release id"));
    m.version = json.value(QStringLiteral("version")).toString();
    if (!isReleaseVersion(m.version))
        return manifestError(QStringLiteral("version"), QStringLiteral("a dotted version number"));
    const QJsonValue protocol = json.value(QStringLiteral("protocol"));
    if (!protocol.isDouble() || protocol.toInt() < 1)
        return manifestError(QStringLiteral("protocol"), QStringLiteral("a protocol number"));
    m.protocol = protocol.toInt();
    m.os = json.value(QStringLiteral("os")).toString();
    m.arch = json.value(QStringLiteral("arch")).toString();
    static const QRegularExpression word(QStringLiteral("^[a-z0-9_]{1,16}$"));
    if (!word.match(m.os).hasMatch())
        return manifestError(QStringLiteral("os"), QStringLiteral("an os name such as linux"));
    if (!word.match(m.arch).hasMatch())
        return manifestError(QStringLiteral("arch"), QStringLiteral("an arch name such as amd64"));
    const QJsonValue size = json.value(QStringLiteral("size"));
    if (!size.isDouble() || size.toDouble() < 1 || size.toDouble() > double(kMaxAgentReleaseBytes))
        return manifestError(QStringLiteral("size"),
                             QStringLiteral("1 to %1 bytes").arg(kMaxAgentReleaseBytes));
    m.size = qint64(size.toDouble());
    m.sha256 = QByteArray::fromHex(json.value(QStringLiteral("sha256")).toString().toLatin1());
    if (m.sha256.size() != 32)
        return manifestError(QStringLiteral("sha256"), QStringLiteral("64 hex digits"));
    const auto signature = QByteArray::fromBase64Encoding(
        json.value(QStringLiteral("signature")).toString().toLatin1(),
        QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || signature.decoded.size() != 64)
        return manifestError(QStringLiteral("signature"), QStringLiteral("a base64 signature"));
    m.signature = signature.decoded;
    return m;
}

Status checkReleaseProtocol(int releaseProtocol, int agentMin, int agentMax)
{
    if (agentMin <= releaseProtocol && releaseProtocol <= agentMax)
        return {};
    return Error{ErrorCode::Conflict,
                 agentMin == agentMax
                     ? QStringLiteral("the build speaks agent protocol %1; this agent takes "
                                      "protocol %2 only")
                           .arg(releaseProtocol)
                           .arg(agentMin)
                     : QStringLiteral("the build speaks agent protocol %1; this agent takes "
                                      "protocols %2 to %3")
                           .arg(releaseProtocol)
                           .arg(agentMin)
                           .arg(agentMax),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("PROTOCOL_INCOMPATIBLE")},
                             {QStringLiteral("release_protocol"), releaseProtocol},
                             {QStringLiteral("agent_protocol_min"), agentMin},
                             {QStringLiteral("agent_protocol_max"), agentMax}}};
}

bool isReleaseVersion(const QString &version)
{
    static const QRegularExpression form(
        QStringLiteral("^[0-9]{1,6}(\\.[0-9]{1,6}){0,3}(-[A-Za-z0-9.]{1,32})?$"));
    return form.match(version).hasMatch();
}

int compareReleaseVersions(const QString &a, const QString &b)
{
    QList<int> x = versionParts(a), y = versionParts(b);
    while (x.size() < y.size())
        x.append(0);
    while (y.size() < x.size())
        y.append(0);
    for (qsizetype i = 0; i < x.size(); ++i)
        if (x.at(i) != y.at(i))
            return x.at(i) < y.at(i) ? -1 : 1;
    return 0;
}

QString currentReleaseOs()
{
    return QSysInfo::kernelType(); // "linux"
}

QString currentReleaseArch()
{
    const QString cpu = QSysInfo::buildCpuArchitecture();
    if (cpu == u"x86_64")
        return QStringLiteral("amd64");
    if (cpu == u"i386")
        return QStringLiteral("386");
    return cpu; // arm64, riscv64, …
}

} // namespace hm::fleet
