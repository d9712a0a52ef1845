#pragma once

// The frame of a section page whose content has a wide or tall minimum
// (filters, forms): a frameless scroll area filling the page, so narrow or
// short windows scroll instead of growing, and the page's title and
// subtitle at the top of the content.

#include <QString>

class QLabel;
class QVBoxLayout;
class QWidget;

namespace hm::app {

struct ScrollingPage
{
    QVBoxLayout *layout = nullptr; // the content's layout, below the subtitle
    QLabel *title = nullptr;       // objectName "pageTitle"
    QLabel *subtitle = nullptr;    // objectName "pageSubtitle", word-wrapped
};

// Builds the frame inside `page` (which must have no layout yet); the
// scroll area gets `scrollObjectName`.
ScrollingPage createScrollingPage(QWidget *page, const QString &scrollObjectName);

} // namespace hm::app
