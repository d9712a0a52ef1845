#include "canvas/QuickAddPopup.h"

#include "flowgraph/FlowGraphModel.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kQuickAddNameRole = Qt::UserRole;
constexpr int kQuickAddVersionRole = Qt::UserRole + 1;
constexpr int kQuickAddConfigRole = Qt::UserRole + 2;

} // namespace

QuickAddPopup::QuickAddPopup(FlowGraphModel *model, QWidget *parent)
    : QFrame(parent, Qt::Popup), m_model(model), m_search(new QLineEdit(this)),
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
    resize(340, 260);

    connect(m_search, &QLineEdit::textChanged, this, &QuickAddPopup::refilter);
    connect(m_search, &QLineEdit::returnPressed, this, &QuickAddPopup::choose);
    connect(m_list, &QListWidget::itemActivated, this, &QuickAddPopup::choose);
    // An endpoint's interface arriving may make it a fit.
    connect(model, &FlowGraphModel::nodeInterfaceKnown, this, [this] {
        if (m_sourceType)
            refilter();
    });
    // Up and Down move through the list while typing continues.
    m_search->installEventFilter(this);
    refilter();
}

void QuickAddPopup::setSourceType(flow::PortType type)
{
    m_sourceType = type;
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

QList<ComponentRef> QuickAddPopup::listed() const
{
    QList<ComponentRef> refs;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        refs.append({item->data(kQuickAddNameRole).toString(),
                     item->data(kQuickAddVersionRole).toString(),
                     item->data(kQuickAddConfigRole).toJsonObject()});
    }
    return refs;
}

QString QuickAddPopup::compatibleInput(const flow::ComponentInterface &interface,
                                       flow::PortType from)
{
    for (const flow::PortDef &input : interface.inputs) {
        if (input.name != kDefaultPort && portTypeFeeds(from, input.type))
            return input.name;
    }
    return {};
}

bool QuickAddPopup::takes(const flow::ComponentInterface &interface) const
{
    return !m_sourceType || !compatibleInput(interface, *m_sourceType).isEmpty();
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

void QuickAddPopup::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_search->setPlaceholderText(tr("Add a component…"));
        refilter();
    }
    QFrame::changeEvent(event);
}

void QuickAddPopup::refilter()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    m_list->clear();
    if (!m_model)
        return;
    const ComponentCatalogue &catalogue = m_model->catalogue();
    const QString filter = m_search->text().trimmed();
    QStringList seen;
    QList<ComponentCatalogue::Entry> entries = catalogue.entries();
    // Newest version of each name; names that start with the filter first.
    std::reverse(entries.begin(), entries.end());
    QList<ComponentCatalogue::Entry> matches;
    for (const ComponentCatalogue::Entry &entry : std::as_const(entries)) {
        if (seen.contains(entry.interface.name) || !componentMatches(entry, filter))
            continue;
        seen.append(entry.interface.name);
        if (!takes(entry.interface))
            continue;
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
        item->setData(kQuickAddNameRole, entry.interface.name);
        item->setData(kQuickAddVersionRole, entry.interface.version);
    }

    // The services' endpoints, as the palette's Services group lists them.
    const QString serviceVersion = catalogue.serviceComponentVersion();
    if (!serviceVersion.isEmpty()) {
        for (const ServiceEndpointEntry &endpoint : catalogue.serviceEndpoints()) {
            if (!serviceEndpointMatches(endpoint, filter))
                continue;
            const QJsonObject config = serviceNodeConfig(endpoint.serviceId, endpoint.endpointId);
            if (m_sourceType) {
                // Its typed inputs decide; not known yet: asked for, and
                // listed when the answer fits.
                if (!catalogue.hasNodeInterface(kServiceComponentName, serviceVersion, config)) {
                    m_model->requestNodeInterface({kServiceComponentName, serviceVersion, config});
                    continue;
                }
                const Result<flow::ComponentInterface> interface =
                    catalogue.nodeInterface(kServiceComponentName, serviceVersion, config);
                if (!interface.ok() || !takes(interface.value()))
                    continue;
            }
            auto *item = new QListWidgetItem(
                tr("%1 %2 · %3").arg(endpoint.method, endpoint.path, endpoint.serviceName), m_list);
            item->setToolTip(endpoint.summary.isEmpty()
                                 ? tr("Calls %1 %2 of %3.")
                                       .arg(endpoint.method, endpoint.path, endpoint.serviceName)
                                 : endpoint.summary);
            item->setData(kQuickAddNameRole, kServiceComponentName);
            item->setData(kQuickAddVersionRole, serviceVersion);
            item->setData(kQuickAddConfigRole, config);
        }
    }
    if (m_list->count() == 0)
        return;
    int row = 0;
    for (int i = 0; i < m_list->count() && !current.isEmpty(); ++i) {
        if (m_list->item(i)->text() == current) {
            row = i;
            break;
        }
    }
    m_list->setCurrentRow(row);
}

void QuickAddPopup::choose()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const ComponentRef ref{item->data(kQuickAddNameRole).toString(),
                           item->data(kQuickAddVersionRole).toString(),
                           item->data(kQuickAddConfigRole).toJsonObject()};
    close();
    emit componentChosen(ref);
}

} // namespace hm::app
