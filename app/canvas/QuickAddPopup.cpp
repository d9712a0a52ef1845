#include "canvas/QuickAddPopup.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>

namespace hm::app {

QuickAddPopup::QuickAddPopup(const ComponentCatalogue &catalogue, QWidget *parent)
    : QFrame(parent, Qt::Popup), m_catalogue(catalogue), m_search(new QLineEdit(this)),
      m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("editor.quickAdd"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    m_search->setObjectName(QStringLiteral("editor.quickAdd.search"));
    m_search->setPlaceholderText(tr("Add a component…"));
    m_list->setObjectName(QStringLiteral("editor.quickAdd.list"));
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(260, 240);

    connect(m_search, &QLineEdit::textChanged, this, &QuickAddPopup::refilter);
    connect(m_search, &QLineEdit::returnPressed, this, &QuickAddPopup::choose);
    connect(m_list, &QListWidget::itemActivated, this, &QuickAddPopup::choose);
    // Up and Down move through the list while typing continues.
    m_search->installEventFilter(this);
    refilter();
}

void QuickAddPopup::popup(QPoint globalPos, const QString &text)
{
    m_search->setText(text);
    QRect geometry(globalPos, size());
    if (const QScreen *screen = QApplication::screenAt(globalPos)) {
        const QRect available = screen->availableGeometry();
        geometry.moveRight(std::min(geometry.right(), available.right()));
        geometry.moveBottom(std::min(geometry.bottom(), available.bottom()));
    }
    move(geometry.topLeft());
    show();
    m_search->setFocus();
}

bool QuickAddPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown ||
            key == Qt::Key_PageUp) {
            QApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void QuickAddPopup::refilter()
{
    m_list->clear();
    const QString filter = m_search->text().trimmed();
    QStringList seen;
    QList<ComponentCatalogue::Entry> entries = m_catalogue.entries();
    // Newest version of each name; names that start with the filter first.
    std::reverse(entries.begin(), entries.end());
    QList<ComponentCatalogue::Entry> matches;
    for (const ComponentCatalogue::Entry &entry : std::as_const(entries)) {
        if (seen.contains(entry.interface.name) || !componentMatches(entry, filter))
            continue;
        seen.append(entry.interface.name);
        matches.append(entry);
    }
    std::stable_sort(matches.begin(), matches.end(), [&](const auto &a, const auto &b) {
        const bool pa = a.interface.name.startsWith(filter, Qt::CaseInsensitive);
        const bool pb = b.interface.name.startsWith(filter, Qt::CaseInsensitive);
        if (pa != pb)
            return pa;
        return a.interface.name < b.interface.name;
    });
    for (const ComponentCatalogue::Entry &entry : std::as_const(matches)) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  %2").arg(entry.interface.name, entry.interface.version), m_list);
        item->setData(Qt::UserRole, entry.interface.name);
        item->setData(Qt::UserRole + 1, entry.interface.version);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void QuickAddPopup::choose()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const ComponentRef ref{item->data(Qt::UserRole).toString(),
                           item->data(Qt::UserRole + 1).toString()};
    close();
    emit componentChosen(ref);
}

} // namespace hm::app
