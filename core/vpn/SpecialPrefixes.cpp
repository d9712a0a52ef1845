#include "vpn/SpecialPrefixes.h"

#include <QList>

namespace hm::vpn {

std::optional<QString> specialUseOverlap(const IpPrefix &prefix)
{
    struct Range
    {
        const char *text;
        const char *what;
    };
    static const Range ranges[] = {
        {"0.0.0.0/8", "this network"},    {"127.0.0.0/8", "loopback"},
        {"169.254.0.0/16", "link-local"}, {"224.0.0.0/4", "multicast"},
        {"240.0.0.0/4", "reserved"},      {"::/128", "the unspecified address"},
        {"::1/128", "loopback"},          {"fe80::/10", "link-local"},
        {"ff00::/8", "multicast"},
    };
    static const QList<std::pair<IpPrefix, QString>> parsed = [] {
        QList<std::pair<IpPrefix, QString>> out;
        for (const Range &r : ranges) {
            auto p = IpPrefix::parse(QString::fromLatin1(r.text));
            if (p)
                out.append({p.value(), QString::fromLatin1(r.what)});
        }
        return out;
    }();
    for (const auto &[range, what] : parsed) {
        if (range.family() == prefix.family() && range.overlaps(prefix))
            return QStringLiteral("%1 (%2)").arg(what, range.toString());
    }
    return std::nullopt;
}

} // namespace hm::vpn
