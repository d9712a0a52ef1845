#include "widgets/PageFrame.h"

#include <QLabel>
#include <QVBoxLayout>

namespace hm::app {

PageFrame createPageFrame(QWidget *page)
{
    PageFrame frame;
    frame.layout = new QVBoxLayout(page);
    frame.layout->setContentsMargins(32, 24, 32, 24);
    frame.layout->setSpacing(0);
    frame.title = new QLabel(page);
    frame.title->setObjectName(QStringLiteral("pageTitle"));
    frame.subtitle = new QLabel(page);
    frame.subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    frame.subtitle->setWordWrap(true);
    frame.layout->addWidget(frame.title);
    frame.layout->addSpacing(4);
    frame.layout->addWidget(frame.subtitle);
    frame.layout->addSpacing(16);
    return frame;
}

} // namespace hm::app
