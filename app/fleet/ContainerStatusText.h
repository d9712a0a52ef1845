#pragma once

#include <QCoreApplication>
#include <QString>

namespace hm::app {

// Docker's status text of a container ("Up 4 minutes", "Exited (0) 3 hours
// ago", "Created") in the console's language. The API gives no start or
// finish time, only this text (docs/api.md "Node Docker"): it is read back
// into its parts, the state word and the durations Docker writes (go-units'
// HumanDuration, which podman uses too), and said again. A text not of
// that shape is shown as it came.
class ContainerStatusText
{
    Q_DECLARE_TR_FUNCTIONS(ContainerStatusText)

public:
    // `state` is Docker's state word; it words an empty status.
    static QString status(const QString &status, const QString &state);
    // "4 minutes" / "About an hour" / "Less than a second" in words; empty
    // when it is not one of those.
    static QString duration(const QString &duration);
};

} // namespace hm::app
