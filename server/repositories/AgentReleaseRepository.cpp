#include "server/repositories/AgentReleaseRepository.h"

#include "store/Constraints.h"
#include "store/Database.h"
#include "store/SelectOne.h"

#include <algorithm>

namespace hm::server::repositories {

namespace {

const QString kAgentReleaseColumns = QStringLiteral(
    "id, version, protocol, os, arch, size, sha256, signature, uploaded_by, created_at, source");

AgentReleaseRow readAgentRelease(const store::Statement &s)
{
    AgentReleaseRow r;
    r.manifest.id = s.text(0);
    r.manifest.version = s.text(1);
    r.manifest.protocol = int(s.int64(2));
    r.manifest.os = s.text(3);
    r.manifest.arch = s.text(4);
    r.manifest.size = s.int64(5);
    r.manifest.sha256 = QByteArray::fromHex(s.text(6).toLatin1());
    r.manifest.signature = QByteArray::fromBase64(s.text(7).toLatin1());
    r.uploadedBy = s.text(8);
    r.createdAt = s.int64(9);
    r.builtIn = s.text(10) == QLatin1String("built_in");
    return r;
}

} // namespace

Status insertAgentRelease(store::Database &db, const AgentReleaseRow &r)
{
    const hm::fleet::ReleaseManifest &m = r.manifest;
    const Status s = db.execute(
        QStringLiteral("INSERT INTO agent_releases (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .arg(kAgentReleaseColumns),
        {m.id, m.version, m.protocol, m.os, m.arch, m.size, QString::fromLatin1(m.sha256.toHex()),
         QString::fromLatin1(m.signature.toBase64()),
         r.uploadedBy.isEmpty() ? QVariant() : QVariant(r.uploadedBy), r.createdAt,
         r.builtIn ? QStringLiteral("built_in") : QStringLiteral("upload")});
    if (!s) {
        if (store::isUniqueViolation(s.error()))
            return Error{ErrorCode::ResourceAlreadyExists,
                         QStringLiteral("version %1 for %2/%3 is stored already")
                             .arg(m.version, m.os, m.arch)};
        return s.error();
    }
    return {};
}

Result<QList<AgentReleaseRow>> listAgentReleases(store::Database &db)
{
    QList<AgentReleaseRow> rows;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT %1 FROM agent_releases").arg(kAgentReleaseColumns), {},
        [&rows](const store::Statement &st) { rows.append(readAgentRelease(st)); });
    if (!s)
        return s.error();
    // Versions compare as numbers, which SQL does not do.
    std::stable_sort(rows.begin(), rows.end(), [](const AgentReleaseRow &a, const AgentReleaseRow &b) {
        const int order = hm::fleet::compareReleaseVersions(a.manifest.version, b.manifest.version);
        return order != 0 ? order > 0 : a.createdAt > b.createdAt;
    });
    return rows;
}

Result<std::optional<AgentReleaseRow>> agentRelease(store::Database &db, const QString &id)
{
    return store::selectOneAs(
        db, QStringLiteral("SELECT %1 FROM agent_releases WHERE id = ?").arg(kAgentReleaseColumns),
        {id}, readAgentRelease);
}

} // namespace hm::server::repositories
