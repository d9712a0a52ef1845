#include "widgets/PageFrame.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace hm::app {

QMargins pageMargins()
{
    return QMargins(16, 12, 16, 12);
}

PageTitle createPageTitle(QWidget *page, const QString &titleName, const QString &subtitleName)
{
    PageTitle title;
    title.row = new QHBoxLayout();
    // Its own spacing: some pages' layouts have none.
    title.row->setSpacing(8);
    title.title = new QLabel(page);
    title.title->setObjectName(titleName);
    title.title->setProperty("hmStyle", QStringLiteral("pageTitle"));
    title.row->addWidget(title.title);
    title.subtitle = new QLabel(page);
    title.subtitle->setObjectName(subtitleName);
    title.subtitle->setProperty("hmStyle", QStringLiteral("muted"));
    title.subtitle->setWordWrap(true);
    title.row->addWidget(title.subtitle, 1);
    return title;
}

PageFrame createPageFrame(QWidget *page)
{
    PageFrame frame;
    frame.layout = new QVBoxLayout(page);
    frame.layout->setContentsMargins(pageMargins());
    frame.layout->setSpacing(0);
    const PageTitle title = createPageTitle(page);
    frame.layout->addLayout(title.row);
    frame.layout->addSpacing(8);
    frame.title = title.title;
    frame.subtitle = title.subtitle;
    return frame;
}

} // namespace hm::app
