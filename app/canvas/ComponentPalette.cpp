#include "canvas/ComponentPalette.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kNameRole = Qt::UserRole;
constexpr int kVersionRole = Qt::UserRole + 1;

// A tree whose component items drag as kComponentMimeType.
class PaletteTree final : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override { return {kComponentMimeType}; }
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        for (const QTreeWidgetItem *item : items) {
            const QString name = item->data(0, kNameRole).toString();
            if (!name.isEmpty())
                return componentMimeData({name, item->data(0, kVersionRole).toString()});
        }
        return nullptr;
    }
};

} // namespace

QMimeData *componentMimeData(const ComponentRef &component)
{
    auto *mime = new QMimeData;
    const QJsonObject json{{QStringLiteral("name"), component.name},
                           {QStringLiteral("version"), component.version}};
    mime->setData(kComponentMimeType, QJsonDocument(json).toJson(QJsonDocument::Compact));
    mime->setText(component.name);
    return mime;
}

std::optional<ComponentRef> componentFromMimeData(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(kComponentMimeType))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(mime->data(kComponentMimeType)).object();
    const QString name = json.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        return std::nullopt;
    return ComponentRef{name, json.value(QStringLiteral("version")).toString()};
}

bool componentMatches(const ComponentCatalogue::Entry &entry, const QString &filter)
{
    const QStringList words = filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!entry.interface.name.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

ComponentPalette::ComponentPalette(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_tree(new PaletteTree(this))
{
    setObjectName(QStringLiteral("editor.palette"));
    m_search->setObjectName(QStringLiteral("editor.palette.search"));
    m_search->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("editor.palette.list"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(12);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_search);
    layout->addWidget(m_tree);
    connect(m_search, &QLineEdit::textChanged, this, &ComponentPalette::rebuild);
    retranslate();
    rebuild();
}

void ComponentPalette::setCatalogue(const ComponentCatalogue &catalogue)
{
    m_catalogue = catalogue;
    rebuild();
}

void ComponentPalette::setFilter(const QString &text)
{
    m_search->setText(text);
}

QList<ComponentRef> ComponentPalette::visibleComponents() const
{
    QList<ComponentRef> refs;
    for (const QTreeWidgetItem *group : {m_builtin, m_registered}) {
        if (!group || group->isHidden())
            continue;
        for (int i = 0; i < group->childCount(); ++i) {
            const QTreeWidgetItem *item = group->child(i);
            refs.append(
                {item->data(0, kNameRole).toString(), item->data(0, kVersionRole).toString()});
        }
    }
    return refs;
}

void ComponentPalette::rebuild()
{
    m_tree->clear();
    m_builtin = new QTreeWidgetItem(m_tree);
    m_registered = new QTreeWidgetItem(m_tree);
    for (QTreeWidgetItem *group : {m_builtin, m_registered}) {
        group->setFlags(Qt::ItemIsEnabled);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
    }
    // One entry per name: the newest version (entries() sorts by version
    // within a name, so the last one wins).
    QHash<QString, ComponentCatalogue::Entry> newest;
    QStringList order;
    for (const ComponentCatalogue::Entry &entry : m_catalogue.entries()) {
        if (!newest.contains(entry.interface.name))
            order.append(entry.interface.name);
        newest.insert(entry.interface.name, entry);
    }
    const QString filter = m_search->text();
    for (const QString &name : std::as_const(order)) {
        const ComponentCatalogue::Entry &entry = newest[name];
        if (!componentMatches(entry, filter))
            continue;
        auto *item = new QTreeWidgetItem(entry.builtin ? m_builtin : m_registered);
        item->setText(0, name);
        item->setData(0, kNameRole, name);
        item->setData(0, kVersionRole, entry.interface.version);
        item->setToolTip(
            0, tr("%1, version %2. Drag it onto the canvas.").arg(name, entry.interface.version));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    m_builtin->setHidden(m_builtin->childCount() == 0);
    m_registered->setHidden(m_registered->childCount() == 0);
    m_tree->expandAll();
    retranslate();
}

void ComponentPalette::retranslate()
{
    m_search->setPlaceholderText(tr("Search components"));
    if (m_builtin)
        m_builtin->setText(0, tr("Built-in"));
    if (m_registered)
        m_registered->setText(0, tr("Registered"));
}

void ComponentPalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace hm::app
