#include "server/services/fleet/ContainerAlertNames.h"

#include <algorithm>
#include <cmath>

namespace hm::server::fleet {

QStringList containerAlertNames(const hm::fleet::AlertRule &rule,
                                const QList<hm::fleet::ContainerState> &containers,
                                const QSet<QString> &seen, int max)
{
    using hm::fleet::AlertType;
    using hm::fleet::ContainerState;
    QStringList names;
    if (!hm::fleet::isContainerAlert(rule.type) || !hm::fleet::isContainerTarget(rule.container))
        return names;
    // Mirrors containerAlertValue: matching containers not running (down)
    // or unhealthy, plus for down the matching ones seen before and gone.
    QSet<QString> present;
    for (const ContainerState &c : containers) {
        present.insert(c.name);
        if (!hm::fleet::containerTargetMatches(rule.container, c.name))
            continue;
        if (rule.type == AlertType::ContainerDown ? !c.running
                                                  : c.health == ContainerState::Health::Unhealthy)
            names.append(c.name);
    }
    if (rule.type == AlertType::ContainerDown) {
        for (const QString &name : seen) {
            if (!present.contains(name) && hm::fleet::containerTargetMatches(rule.container, name))
                names.append(name);
        }
    }
    std::sort(names.begin(), names.end());
    names.removeDuplicates();
    if (names.size() > max)
        names.resize(std::max(0, max));
    return names;
}

int containersMore(const QStringList &names, double value)
{
    const auto total = qint64(std::llround(std::max(0.0, value)));
    return int(std::clamp<qint64>(total - names.size(), 0, 1'000'000));
}

QString containerListText(const QStringList &names, int more, const QString &separator,
                          const QString &andMore)
{
    const QString list = names.join(separator);
    return more > 0 ? andMore.arg(list, QString::number(more)) : list;
}

} // namespace hm::server::fleet
