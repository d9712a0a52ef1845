#include "flow/SemanticVersion.h"

#include <QRegularExpression>

namespace hm::flow {

namespace {

bool isNumeric(const QString &identifier)
{
    return !identifier.isEmpty() && std::all_of(identifier.begin(), identifier.end(),
                                                [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

std::optional<SemanticVersion> SemanticVersion::parse(const QString &text)
{
    // semver.org's own regular expression.
    static const QRegularExpression pattern(QStringLiteral(
        "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
        "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-"
        "zA-Z-]*))*))?"
        "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$"));
    if (text.size() > 128)
        return std::nullopt;
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    SemanticVersion v;
    bool ok = true;
    v.major = match.captured(1).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    v.minor = match.captured(2).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    v.patch = match.captured(3).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (match.hasCaptured(4) && !match.captured(4).isEmpty())
        v.preRelease = match.captured(4).split(u'.');
    v.build = match.captured(5);
    return v;
}

int SemanticVersion::compare(const SemanticVersion &other) const
{
    auto three = [](quint64 a, quint64 b) { return a < b ? -1 : (a > b ? 1 : 0); };
    if (int c = three(major, other.major))
        return c;
    if (int c = three(minor, other.minor))
        return c;
    if (int c = three(patch, other.patch))
        return c;
    // A pre-release has lower precedence than its release.
    if (preRelease.isEmpty() || other.preRelease.isEmpty())
        return preRelease.isEmpty() ? (other.preRelease.isEmpty() ? 0 : 1) : -1;
    for (qsizetype i = 0; i < qMin(preRelease.size(), other.preRelease.size()); ++i) {
        const QString &a = preRelease.at(i);
        const QString &b = other.preRelease.at(i);
        const bool an = isNumeric(a);
        const bool bn = isNumeric(b);
        if (an && bn) {
            if (a.size() != b.size()) // no leading zeros: longer is larger
                return a.size() < b.size() ? -1 : 1;
            if (int c = QString::compare(a, b))
                return c < 0 ? -1 : 1;
        } else if (an != bn) {
            return an ? -1 : 1; // numeric identifiers sort first
        } else if (int c = QString::compare(a, b)) {
            return c < 0 ? -1 : 1;
        }
    }
    return three(quint64(preRelease.size()), quint64(other.preRelease.size()));
}

int compareVersions(const QString &a, const QString &b)
{
    const auto va = SemanticVersion::parse(a);
    const auto vb = SemanticVersion::parse(b);
    if (va && vb) {
        if (int c = va->compare(*vb))
            return c;
    } else if (va || vb) {
        return va ? -1 : 1;
    }
    const int c = QString::compare(a, b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

} // namespace hm::flow
