#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace hm::flow {

// A component version as Semantic Versioning 2.0.0 has it:
// MAJOR.MINOR.PATCH, an optional pre-release ("-rc.1") and optional build
// metadata ("+build.5", ignored by the ordering). No leading zeros in
// numeric parts; identifiers are [0-9A-Za-z-].
struct SemanticVersion
{
    quint64 major = 0;
    quint64 minor = 0;
    quint64 patch = 0;
    QStringList preRelease; // dot-separated identifiers; empty for a release
    QString build;

    // nullopt when `text` is not a semantic version.
    static std::optional<SemanticVersion> parse(const QString &text);
    // Precedence (semver.org §11): <0, 0, >0. Build metadata does not count.
    int compare(const SemanticVersion &other) const;
};

// Precedence of two version strings; versions that do not parse sort after
// those that do, among themselves by text, so a list always has one order.
int compareVersions(const QString &a, const QString &b);

} // namespace hm::flow
