#include "canvas/ComponentPalette.h"

#include "common/ComponentIcons.h"
#include "widgets/ComponentIcon.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMap>
#include <QPainter>
#include <QPixmap>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <functional>
#include <optional>

namespace hm::app {

namespace {

constexpr int kNameRole = Qt::UserRole;
constexpr int kVersionRole = Qt::UserRole + 1;
constexpr int kConfigRole = Qt::UserRole + 2;
constexpr int kCategoryRole = Qt::UserRole + 3;
// Groups and service items: what identifies them across rebuilds.
constexpr int kExpansionKeyRole = Qt::UserRole + 4;
// Components: what their palette-dependent look is drawn from (icon name;
// for registered ones health and whether deprecated), kept for a theme
// switch.
constexpr int kIconRole = Qt::UserRole + 5;
constexpr int kHealthRole = Qt::UserRole + 6;
constexpr int kDeprecatedRole = Qt::UserRole + 7;

// The health's colour: the registered components' badge on their icon.
QColor healthColour(const QString &health)
{
    if (health == QLatin1String("healthy"))
        return QColor(0x2e, 0x9d, 0x4f);
    if (health == QLatin1String("degraded"))
        return QColor(0xd9, 0x8e, 0x04);
    if (health == QLatin1String("unhealthy"))
        return QColor(0xd3, 0x3a, 0x2c);
    return QColor(0x9e, 0x9e, 0x9e); // unknown
}

// A registered component's name-level fields (GET /components).
QString entryText(const ComponentCatalogue::Entry &entry, const char *key)
{
    return entry.item.value(QLatin1String(key)).toString().trimmed();
}

QString entryTitle(const ComponentCatalogue::Entry &entry)
{
    const QString displayName = entryText(entry, "display_name");
    return displayName.isEmpty() ? entry.interface.name : displayName;
}

// The component an item stands for; none for a group's or a service's
// header.
std::optional<ComponentRef> componentOf(const QTreeWidgetItem *item)
{
    const QString name = item->data(0, kNameRole).toString();
    if (name.isEmpty())
        return std::nullopt;
    return ComponentRef{name, item->data(0, kVersionRole).toString(),
                        item->data(0, kConfigRole).toJsonObject()};
}

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
            if (const auto component = componentOf(item))
                return componentMimeData(*component);
        }
        return nullptr;
    }
};

} // namespace

QMimeData *componentMimeData(const ComponentRef &component)
{
    auto *mime = new QMimeData;
    QJsonObject json{{QStringLiteral("name"), component.name},
                     {QStringLiteral("version"), component.version}};
    if (!component.config.isEmpty())
        json.insert(QStringLiteral("config"), component.config);
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
    return ComponentRef{name, json.value(QStringLiteral("version")).toString(),
                        json.value(QStringLiteral("config")).toObject()};
}

bool componentMatches(const ComponentCatalogue::Entry &entry, const QString &filter)
{
    const QStringList words = filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString text = QStringList{entry.interface.name, entryText(entry, "display_name"),
                                     entryText(entry, "category")}
                             .join(QLatin1Char(' '));
    for (const QString &word : words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool serviceEndpointMatches(const ServiceEndpointEntry &endpoint, const QString &filter)
{
    const QStringList words = filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString text = QStringList{endpoint.method, endpoint.path, endpoint.summary,
                                     endpoint.name, endpoint.serviceName}
                             .join(QLatin1Char(' '));
    for (const QString &word : words) {
        if (!text.contains(word, Qt::CaseInsensitive))
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
    connect(m_tree, &QTreeWidget::itemCollapsed, this, [this](QTreeWidgetItem *item) {
        const QString key = item->data(0, kExpansionKeyRole).toString();
        if (!m_rebuilding && !key.isEmpty())
            m_collapsed.insert(key);
    });
    connect(m_tree, &QTreeWidget::itemExpanded, this, [this](QTreeWidgetItem *item) {
        if (!m_rebuilding)
            m_collapsed.remove(item->data(0, kExpansionKeyRole).toString());
    });
    // Double click or Enter: for a keyboard user, and for anyone who does
    // not know a component can be dragged.
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (const auto component = componentOf(item))
            emit componentActivated(*component);
    });
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
    std::function<void(const QTreeWidgetItem *)> collect = [&](const QTreeWidgetItem *item) {
        if (item->isHidden())
            return;
        if (const auto component = componentOf(item))
            refs.append(*component);
        for (int i = 0; i < item->childCount(); ++i)
            collect(item->child(i));
    };
    for (const QTreeWidgetItem *group : {m_builtin, m_registered, m_services}) {
        if (group)
            collect(group);
    }
    return refs;
}

void ComponentPalette::rebuild()
{
    m_rebuilding = true;
    m_tree->clear();
    m_builtin = new QTreeWidgetItem(m_tree);
    m_registered = new QTreeWidgetItem(m_tree);
    m_services =
        m_catalogue.serviceEndpoints().isEmpty() || m_catalogue.serviceComponentVersion().isEmpty()
            ? nullptr
            : new QTreeWidgetItem(m_tree);
    m_builtin->setData(0, kExpansionKeyRole, QStringLiteral("group:builtin"));
    m_registered->setData(0, kExpansionKeyRole, QStringLiteral("group:registered"));
    if (m_services)
        m_services->setData(0, kExpansionKeyRole, QStringLiteral("group:services"));
    for (QTreeWidgetItem *group : {m_builtin, m_registered, m_services}) {
        if (!group)
            continue;
        group->setFlags(Qt::ItemIsEnabled);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
    }
    const QString filter = m_search->text();
    // Built-ins: one entry per name, the newest version (entries() sorts
    // by version within a name, so the last one wins).
    QHash<QString, ComponentCatalogue::Entry> newest;
    QStringList order;
    for (const ComponentCatalogue::Entry &entry : m_catalogue.entries()) {
        if (!entry.builtin)
            continue;
        if (!newest.contains(entry.interface.name))
            order.append(entry.interface.name);
        newest.insert(entry.interface.name, entry);
    }
    for (const QString &name : std::as_const(order)) {
        const ComponentCatalogue::Entry &entry = newest[name];
        if (!componentMatches(entry, filter))
            continue;
        auto *item = new QTreeWidgetItem(m_builtin);
        item->setText(0, name);
        item->setData(0, kNameRole, name);
        item->setData(0, kVersionRole, entry.interface.version);
        item->setToolTip(
            0, tr("%1, version %2. Drag it onto the canvas.").arg(name, entry.interface.version));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        // Its icon, as the server lists it (an older server lists none:
        // the console's own choice), so that built-ins' names line up with
        // registered ones' and say what they do. No health badge: they run
        // in the server.
        const QString icon = entryText(entry, "icon");
        item->setData(0, kIconRole, icon.isEmpty() ? builtinComponentIcon(name) : icon);
        applyPalette(item);
    }
    // Registered: every version, newest first within a name, with its
    // icon and health; deprecated ones marked (they still run). Under their
    // category when any registered component has one (the rest under "No
    // category"), categories by name.
    bool categorised = false;
    for (const ComponentCatalogue::Entry &entry : m_catalogue.entries())
        categorised = categorised || (!entry.builtin && !entryText(entry, "category").isEmpty());
    QMap<QString, QTreeWidgetItem *> categories; // "" = none
    const auto parentFor = [&](const ComponentCatalogue::Entry &entry) -> QTreeWidgetItem * {
        if (!categorised)
            return m_registered;
        const QString category = entryText(entry, "category");
        QTreeWidgetItem *&group = categories[category];
        if (!group) {
            group = new QTreeWidgetItem();
            group->setFlags(Qt::ItemIsEnabled);
            group->setData(0, kCategoryRole, category);
            group->setData(0, kExpansionKeyRole, QString(QStringLiteral("category:") + category));
            group->setText(0, category.isEmpty() ? tr("No category") : category);
        }
        return group;
    };
    for (const QString &name : m_catalogue.names()) {
        QStringList versions = m_catalogue.versions(name);
        std::reverse(versions.begin(), versions.end());
        for (const QString &version : std::as_const(versions)) {
            const ComponentCatalogue::Entry *entry = m_catalogue.entry(name, version);
            // Deleted versions ("disabled") no longer serve new nodes.
            if (!entry || entry->builtin || entry->status == QLatin1String("disabled") ||
                !componentMatches(*entry, filter))
                continue;
            const bool deprecated = entry->status == QLatin1String("deprecated") ||
                                    entry->item.value(QStringLiteral("deprecated")).toBool();
            auto *item = new QTreeWidgetItem(parentFor(*entry));
            const QString title = entryTitle(*entry);
            item->setText(0, deprecated ? tr("%1 %2 (deprecated)").arg(title, version)
                                        : tr("%1 %2").arg(title, version));
            item->setData(0, kIconRole, entryText(*entry, "icon"));
            item->setData(0, kHealthRole, entry->health);
            item->setData(0, kDeprecatedRole, deprecated);
            applyPalette(item);
            item->setData(0, kNameRole, name);
            item->setData(0, kVersionRole, version);
            QString health;
            if (entry->health == QLatin1String("healthy"))
                health = tr("healthy");
            else if (entry->health == QLatin1String("degraded"))
                health = tr("degraded");
            else if (entry->health == QLatin1String("unhealthy"))
                health = tr("unhealthy");
            else
                health = tr("health unknown");
            QString tip = deprecated ? tr("%1, version %2 (%3). Deprecated: it still runs, but "
                                          "newer flows should use another version.")
                                           .arg(name, version, health)
                                     : tr("%1, version %2 (%3). Drag it onto the canvas.")
                                           .arg(name, version, health);
            const QString description = entryText(*entry, "description");
            if (title != name)
                tip = title + QLatin1Char('\n') + tip;
            if (!description.isEmpty())
                tip += QLatin1Char('\n') + description;
            item->setToolTip(0, tip);
            if (deprecated) {
                QFont font = item->font(0);
                font.setItalic(true);
                item->setFont(0, font);
            }
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    // Categories in order, the uncategorised last; none left empty.
    for (auto it = categories.begin(); it != categories.end(); ++it) {
        if (!it.key().isEmpty())
            m_registered->addChild(it.value());
    }
    if (QTreeWidgetItem *none = categories.value(QString()))
        m_registered->addChild(none);
    // Services: each service's endpoints; a drop adds a service node whose
    // config names the endpoint.
    if (m_services) {
        const QString serviceVersion = m_catalogue.serviceComponentVersion();
        QHash<QString, QTreeWidgetItem *> byService;
        for (const ServiceEndpointEntry &endpoint : m_catalogue.serviceEndpoints()) {
            if (!serviceEndpointMatches(endpoint, filter))
                continue;
            QTreeWidgetItem *&service = byService[endpoint.serviceId];
            if (!service) {
                service = new QTreeWidgetItem(m_services);
                service->setText(0, endpoint.serviceName);
                service->setData(0, kExpansionKeyRole,
                                 QStringLiteral("service:%1").arg(endpoint.serviceId));
                service->setFlags(Qt::ItemIsEnabled);
            }
            auto *item = new QTreeWidgetItem(service);
            item->setText(
                0,
                endpoint.summary.isEmpty()
                    ? tr("%1 %2").arg(endpoint.method, endpoint.path)
                    : tr("%1 %2 \u2014 %3").arg(endpoint.method, endpoint.path, endpoint.summary));
            item->setData(0, kNameRole, kServiceComponentName);
            item->setData(0, kVersionRole, serviceVersion);
            item->setData(0, kConfigRole,
                          serviceNodeConfig(endpoint.serviceId, endpoint.endpointId));
            // The summary (elided in a narrow palette) on a line of its own.
            QString tip = tr("%1 %2 of %3. Drag it onto the canvas to call it.")
                              .arg(endpoint.method, endpoint.path, endpoint.serviceName);
            if (!endpoint.summary.isEmpty())
                tip = endpoint.summary + QLatin1Char('\n') + tip;
            item->setToolTip(0, tip);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
        m_services->setHidden(m_services->childCount() == 0);
    }
    m_builtin->setHidden(m_builtin->childCount() == 0);
    m_registered->setHidden(m_registered->childCount() == 0);
    m_tree->expandAll();
    // What the user collapsed stays so; a search shows every match.
    if (filter.trimmed().isEmpty()) {
        std::function<void(QTreeWidgetItem *)> collapse = [&](QTreeWidgetItem *item) {
            if (m_collapsed.contains(item->data(0, kExpansionKeyRole).toString()))
                item->setExpanded(false);
            for (int i = 0; i < item->childCount(); ++i)
                collapse(item->child(i));
        };
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
            collapse(m_tree->topLevelItem(i));
    }
    m_rebuilding = false;
    retranslate();
}

void ComponentPalette::retranslate()
{
    m_search->setPlaceholderText(tr("Search components"));
    m_search->setToolTip(
        tr("Components by name; service endpoints by method, path, summary or service"));
    if (m_builtin)
        m_builtin->setText(0, tr("Built-in"));
    if (m_registered)
        m_registered->setText(0, tr("Registered"));
    if (m_services)
        m_services->setText(0, tr("Services"));
}

void ComponentPalette::applyPalette(QTreeWidgetItem *item) const
{
    // The icon role is set on every component, and only there (not on
    // groups and service endpoints); health only on registered ones.
    if (!item->data(0, kIconRole).isValid())
        return;
    const QVariant health = item->data(0, kHealthRole);
    item->setIcon(
        0, ComponentIcon::icon(item->data(0, kIconRole).toString(), palette(),
                               health.isValid() ? healthColour(health.toString()) : QColor()));
    if (item->data(0, kDeprecatedRole).toBool())
        item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
}

void ComponentPalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        rebuild(); // the items' texts and tooltips are in the language
    } else if (event->type() == QEvent::PaletteChange) {
        // A theme switch: the icons are drawn again in its grey, in place,
        // so that the selection, the scroll position and what is expanded
        // stay as the user left them.
        std::function<void(QTreeWidgetItem *)> repaint = [&](QTreeWidgetItem *item) {
            applyPalette(item);
            for (int i = 0; i < item->childCount(); ++i)
                repaint(item->child(i));
        };
        repaint(m_tree->invisibleRootItem());
    }
    QWidget::changeEvent(event);
}

} // namespace hm::app
