#include "widgets/ScrollingPage.h"

#include <QFrame>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace hm::app {

ScrollingPage createScrollingPage(QWidget *page, const QString &scrollObjectName)
{
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(page);
    scroll->setObjectName(scrollObjectName);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    content->setProperty("sectionPage", true);
    content->setAttribute(Qt::WA_StyledBackground, true);
    content->setMinimumHeight(480);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    ScrollingPage frame;
    frame.layout = new QVBoxLayout(content);
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
