#include "inspector/EditGestures.h"

#include <QObject>

namespace hm::app {

int EditGestures::gestureFor(const QObject *field)
{
    if (m_gesture == 0 || m_field != field) {
        m_field = field;
        m_gesture = m_source ? m_source() : 0;
    }
    return m_gesture;
}

void EditGestures::finish(const QObject *field)
{
    if (m_field == field)
        reset();
}

void EditGestures::reset()
{
    m_field = nullptr;
    m_gesture = 0;
}

} // namespace hm::app
