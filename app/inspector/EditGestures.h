#pragma once

#include <QPointer>
#include <functional>

class QObject;

namespace hm::app {

// One undo step per field edit: typing in a field keeps one gesture number
// (FlowGraphModel merges its commands), and finishing the edit (Enter, focus
// out, a choice made) or editing another field starts a new one. Numbers
// come from `source` (FlowGraphModel::newEditGesture); without one every
// change is its own step.
class EditGestures
{
public:
    void setSource(std::function<int()> source) { m_source = std::move(source); }

    // The gesture for a change of `field`: the running one while the same
    // field is edited, else a new one.
    int gestureFor(const QObject *field);
    // The edit of `field` is over (no effect for another field).
    void finish(const QObject *field);
    // Forget the running edit (the value was replaced from outside).
    void reset();

private:
    std::function<int()> m_source;
    QPointer<const QObject> m_field;
    int m_gesture = 0;
};

} // namespace hm::app
