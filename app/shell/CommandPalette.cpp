#include "shell/CommandPalette.h"

#include <QAction>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QRegularExpression>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kWidth = 560;
constexpr int kRows = 12;
constexpr int kShortcutRole = Qt::UserRole + 2;

// A row: the command on the left, its shortcut on the right in the
// placeholder's colour (a hint, not part of the name).
class CommandDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const QString shortcut = index.data(kShortcutRole).toString();
        if (shortcut.isEmpty())
            return;
        const QRect area = option.rect.adjusted(0, 0, -8, 0);
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(area, Qt::AlignRight | Qt::AlignVCenter, shortcut);
        painter->restore();
    }
};

// A menu text as the user reads it: mnemonics gone, also the "(&F)" that
// Chinese menus append, and "&&" an ampersand.
QString plainText(QString text)
{
    static const QRegularExpression appended(QStringLiteral("\\s*\\(&[^&)]\\)"));
    text.remove(appended);
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text.trimmed();
}

void collect(QMenu *menu, const QString &path, QList<CommandPalette::Command> &out)
{
    // Menus that fill themselves when opened (the servers, recent items).
    emit menu->aboutToShow();
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible() || action->text().isEmpty())
            continue;
        const QString text = plainText(action->text());
        if (QMenu *sub = action->menu()) {
            collect(sub, path + QStringLiteral(" › ") + text, out);
            continue;
        }
        CommandPalette::Command command;
        command.path = path;
        command.text = text;
        command.shortcut = action->shortcut().toString(QKeySequence::NativeText);
        command.enabled = action->isEnabled();
        command.tip = action->isEnabled() ? QString() : action->toolTip();
        command.action = action;
        command.run = [a = QPointer<QAction>(action)] {
            if (a && a->isEnabled())
                a->trigger();
        };
        out.append(command);
    }
}

} // namespace

CommandPalette::CommandPalette(QWidget *parent) : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("commandPalette"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("commandPalette.search"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    layout->addWidget(m_search);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("commandPalette.list"));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // the search keeps the keyboard
    m_list->setItemDelegate(new CommandDelegate(m_list));
    layout->addWidget(m_list, 1);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("commandPalette.empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    layout->addWidget(m_empty);
    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::filter);
    connect(m_list, &QListWidget::itemClicked, this, &CommandPalette::runItem);
    connect(m_list, &QListWidget::itemActivated, this, &CommandPalette::runItem);
    retranslate();
}

void CommandPalette::setCommands(const QList<Command> &commands)
{
    m_commands = commands;
    m_list->clear();
    for (qsizetype i = 0; i < m_commands.size(); ++i) {
        const Command &c = m_commands.at(i);
        const QString label =
            c.path.isEmpty()
                ? c.text
                : tr("%1 › %2", "command palette: menu path › command").arg(c.path, c.text);
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(kShortcutRole, c.shortcut);
        item->setData(Qt::UserRole, int(i));
        item->setData(Qt::UserRole + 1, QString(c.path + u' ' + c.text).toCaseFolded());
        if (!c.enabled) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(c.tip.isEmpty() ? tr("Not available now.") : c.tip);
        }
    }
    filter();
}

void CommandPalette::popup()
{
    QWidget *window = parentWidget() ? parentWidget()->window() : nullptr;
    m_search->clear();
    filter();
    resize(qMin(kWidth, window ? window->width() - 40 : kWidth), height());
    fitHeight();
    if (window) {
        const QPoint topCentre = window->mapToGlobal(QPoint(window->width() / 2, 0));
        move(topCentre.x() - width() / 2, topCentre.y() + 48);
    }
    // A popup: it takes the keyboard while shown and leaves the window
    // active, so that the window's shortcuts work as soon as it closes.
    show();
    m_search->setFocus(Qt::PopupFocusReason);
}

QList<CommandPalette::Command> CommandPalette::menuCommands(QMenuBar *bar)
{
    QList<Command> out;
    const QList<QAction *> menus = bar->actions();
    for (QAction *action : menus) {
        if (action->menu() && action->isVisible())
            collect(action->menu(), plainText(action->text()), out);
    }
    return out;
}

int CommandPalette::shownCount() const
{
    int shown = 0;
    for (int row = 0; row < m_list->count(); ++row)
        shown += m_list->item(row)->isHidden() ? 0 : 1;
    return shown;
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp: {
            // Moves among the shown, enabled rows.
            const int step = key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown ? 1 : -1;
            const int count =
                key->key() == Qt::Key_PageDown || key->key() == Qt::Key_PageUp ? kRows - 1 : 1;
            int row = m_list->currentRow();
            int target = row;
            for (int moved = 0; moved < count;) {
                int next = target + step;
                while (next >= 0 && next < m_list->count() &&
                       (m_list->item(next)->isHidden() ||
                        !(m_list->item(next)->flags() & Qt::ItemIsEnabled)))
                    next += step;
                if (next < 0 || next >= m_list->count())
                    break;
                target = next;
                ++moved;
            }
            if (target != row && target >= 0)
                m_list->setCurrentRow(target);
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (QListWidgetItem *item = m_list->currentItem(); item && !item->isHidden())
                runItem(item);
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void CommandPalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void CommandPalette::filter()
{
    const QStringList words = m_search->text().toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    QListWidgetItem *first = nullptr;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const QString haystack = item->data(Qt::UserRole + 1).toString();
        const bool shown = std::all_of(words.cbegin(), words.cend(),
                                       [&](const QString &w) { return haystack.contains(w); });
        item->setHidden(!shown);
        if (shown && !first && (item->flags() & Qt::ItemIsEnabled))
            first = item;
    }
    m_list->setCurrentItem(first);
    const bool none = shownCount() == 0;
    m_list->setVisible(!none);
    m_empty->setVisible(none);
    fitHeight();
}

void CommandPalette::fitHeight()
{
    // As tall as the shown rows, up to kRows: no empty list under a few
    // matches.
    const int rows = qBound(1, shownCount(), kRows);
    const int rowHeight = qMax(m_list->sizeHintForRow(0), m_list->fontMetrics().height() + 4);
    m_list->setFixedHeight(rowHeight * rows + 2 * m_list->frameWidth() + 2);
    m_empty->setMinimumHeight(rowHeight * 2);
    resize(width(), sizeHint().height());
}

void CommandPalette::runItem(QListWidgetItem *item)
{
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    const Command command = m_commands.value(item->data(Qt::UserRole).toInt());
    hide();
    // After the popup is gone: the command may open a dialog of its own.
    QTimer::singleShot(0, this, [this, command] {
        if (command.run)
            command.run();
        emit ran(command.text);
    });
}

void CommandPalette::retranslate()
{
    m_search->setPlaceholderText(tr("Type a command or a section"));
    m_empty->setText(tr("No command matches. Try fewer or other words."));
}

} // namespace hm::app
