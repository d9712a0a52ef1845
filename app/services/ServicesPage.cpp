#include "services/ServicesPage.h"

#include "client/ApiClient.h"
#include "client/CredentialsApi.h"
#include "client/Within.h"
#include "services/EndpointDialog.h"
#include "services/SchemaRefreshDialog.h"
#include "services/ServiceEditDialog.h"
#include "services/ServiceListModel.h"
#include "services/ServiceSchemaTree.h"
#include "services/ServiceTestDialog.h"
#include "services/ServiceText.h"
#include "services/ServiceWizard.h"
#include "widgets/AdminText.h"
#include "widgets/DateTimeText.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/MessageLine.h"
#include "widgets/PageFrame.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/SectionHeader.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

void svcPageSetTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QLabel *svcPageHeading(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ServicesPage::ServicesPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page.services"));
    m_noticeExpiry.setSingleShot(true);
    connect(&m_noticeExpiry, &QTimer::timeout, this, [this] {
        m_notice.clear();
        showState();
    });
    m_model = new ServiceListModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins());

    m_header = new SectionHeader(QStringLiteral("services"), QStringLiteral("services.reload"),
                                 this, layout);
    m_title = m_header->title();
    m_subtitle = m_header->subtitle();
    m_search = m_header->search();
    m_reload = m_header->refresh();
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("services.create"));
    m_create->setProperty("primary", true);
    m_header->addButton(m_create);

    auto *actions = new QHBoxLayout();
    m_refreshSchema = new QPushButton(this);
    m_refreshSchema->setObjectName(QStringLiteral("services.refreshSchema"));
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("services.test"));
    m_addEndpoint = new QPushButton(this);
    m_addEndpoint->setObjectName(QStringLiteral("services.addEndpoint"));
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("services.delete"));
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("services.edit"));
    for (QPushButton *button : {m_edit, m_refreshSchema, m_test, m_addEndpoint, m_delete})
        actions->addWidget(button);
    actions->addStretch(1);
    layout->addLayout(actions);

    m_content = new QStackedWidget(this);
    auto *splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setObjectName(QStringLiteral("services.splitter"));
    splitter->setChildrenCollapsible(false);
    m_listPanel = splitter;
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("services.list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(ServiceListModel::StatusColumn, 110);
    m_view->setColumnWidth(ServiceListModel::NameColumn, 260);
    m_view->setColumnWidth(ServiceListModel::BaseUrlColumn, 320);
    m_view->setColumnWidth(ServiceListModel::EndpointsColumn, 90);

    auto *detail = new QWidget(splitter);
    detail->setObjectName(QStringLiteral("services.detail"));
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 8, 0, 0);
    m_detailTitle = new QLabel(detail);
    m_detailTitle->setObjectName(QStringLiteral("services.detailTitle"));
    m_detailTitle->setProperty("hmStyle", QStringLiteral("editorTitle"));
    m_detailTitle->setWordWrap(true);
    detailLayout->addWidget(m_detailTitle);
    m_detailInfo = new QLabel(detail);
    m_detailInfo->setObjectName(QStringLiteral("services.detailInfo"));
    m_detailInfo->setWordWrap(true);
    m_detailInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailInfo->setProperty("hmStyle", QStringLiteral("muted"));
    detailLayout->addWidget(m_detailInfo);
    auto *panes = new QSplitter(Qt::Horizontal, detail);
    panes->setChildrenCollapsible(false);
    auto *left = new QWidget(panes);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_endpointsTitle = svcPageHeading(left, "services.endpointsTitle");
    leftLayout->addWidget(m_endpointsTitle);
    m_endpoints = new QTreeWidget(left);
    m_endpoints->setObjectName(QStringLiteral("services.endpoints"));
    m_endpoints->setRootIsDecorated(false);
    m_endpoints->setUniformRowHeights(true);
    m_endpoints->setAlternatingRowColors(true);
    m_endpoints->setColumnCount(3);
    m_endpoints->header()->setStretchLastSection(true);
    leftLayout->addWidget(m_endpoints, 1);
    auto *right = new QWidget(panes);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_schemaTitle = svcPageHeading(right, "services.schemaTitle");
    rightLayout->addWidget(m_schemaTitle);
    m_schema = new ServiceSchemaTree(right);
    rightLayout->addWidget(m_schema, 1);
    panes->addWidget(left);
    panes->addWidget(right);
    panes->setStretchFactor(0, 1);
    panes->setStretchFactor(1, 1);
    detailLayout->addWidget(panes, 1);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    m_content->addWidget(splitter);

    auto *emptyState = new SectionEmptyState(QStringLiteral("services"), m_content);
    m_emptyPanel = emptyState;
    m_emptyTitle = emptyState->title();
    m_emptyText = emptyState->text();
    m_emptyAction = emptyState->action();
    m_content->addWidget(m_emptyPanel);
    layout->addWidget(m_content, 1);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("services.state"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_state);

    connect(m_header, &SectionHeader::refreshRequested, this, &ServicesPage::reload);
    connect(m_header, &SectionHeader::searchChanged, m_model, &ServiceListModel::setSearch);
    connect(m_create, &QPushButton::clicked, this, &ServicesPage::createService);
    connect(m_refreshSchema, &QPushButton::clicked, this, &ServicesPage::refreshSchema);
    connect(m_test, &QPushButton::clicked, this, &ServicesPage::testService);
    connect(m_addEndpoint, &QPushButton::clicked, this, &ServicesPage::addEndpoint);
    connect(m_delete, &QPushButton::clicked, this, &ServicesPage::deleteSelected);
    connect(m_edit, &QPushButton::clicked, this, &ServicesPage::editService);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const client::ServiceInfo *s = m_model->service(index.row());
        if (s && mayChange(*s))
            editService();
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ServicesPage::showContextMenu);
    // Other consoles' changes, applied to the loaded rows (a reload after
    // the stream was down: what happened meanwhile was not heard).
    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, this, &ServicesPage::applyEvent);
    connect(m_live, &LiveEvents::reopened, this, &ServicesPage::reload);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ServicesPage::selectWhenListed);
    connect(m_emptyAction, &QPushButton::clicked, this, [this] {
        if (m_model->state() == ServiceListModel::State::Failed)
            reload();
        else if (m_model->isFiltered()) {
            m_search->clear();
            m_model->setSearch({});
        } else
            createService();
    });
    connect(m_model, &ServiceListModel::stateChanged, this, &ServicesPage::showState);
    connect(m_model, &ServiceListModel::fetchFailed, this, [this](const hm::Error &error) {
        failed([] { return tr("More services could not be read: %1"); }, error);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &ServicesPage::showState);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_detail.reset();
        showDetail();
        updateActions();
        selectWhenListed();
    });
    // The selection, not the current row: selectRow() moves the current row
    // before it selects.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (selected())
            m_deletedName.clear();
        loadDetail();
        updateActions();
    });
    connect(m_endpoints, &QTreeWidget::currentItemChanged, this, &ServicesPage::showEndpoint);
    setSession(nullptr, {});
}

ServicesPage::~ServicesPage() = default;

bool ServicesPage::isAdmin() const
{
    return m_client && m_me.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

bool ServicesPage::isViewer() const
{
    return m_me.role.compare(QLatin1String("viewer"), Qt::CaseInsensitive) == 0;
}

void ServicesPage::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_me = client ? user : client::UserInfo{};
    m_message.clear();
    m_notice.clear();
    m_detail.reset();
    m_deletedName.clear();
    m_pendingSelect.clear();
    m_model->setClient(client);
    m_model->reload();
    m_live->setClient(client);
    loadCredentialNames();
    retranslateUi();
}

bool ServicesPage::isLive() const
{
    return m_live->isOpen();
}

void ServicesPage::applyEvent(const QString &type, const QJsonObject &data)
{
    if (!m_client)
        return;
    if (type.startsWith(QLatin1String("credential_"))) {
        // A credential created, renamed, shared or made private, or deleted
        // elsewhere: the names shown for the linked ones are read again,
        // once for the list and the detail.
        loadCredentialNames();
        return;
    }
    if (!type.startsWith(QLatin1String("service_")))
        return;
    const QString id = data.value(QStringLiteral("service_id")).toString();
    if (id.isEmpty())
        return;
    const client::ServiceInfo *s = selected();
    const bool isSelected = s && s->id == id;
    if (type == QLatin1String("service_deleted")) {
        const QString name =
            isSelected ? (s->displayName.isEmpty() ? s->name : s->displayName) : QString();
        m_model->remove(id);
        if (isSelected) {
            // The view may select a neighbour: say what happened instead.
            m_view->selectionModel()->clear();
            m_deletedName = name;
            m_notice.clear();
            m_message = LocalizedText(
                [name] { return tr("\"%1\" was deleted, perhaps in another console.").arg(name); });
            showDetail();
            showState();
        }
        return;
    }
    // The summary as GET /services/{id} has it, without the endpoints.
    const QJsonObject summary = data.value(QStringLiteral("service")).toObject();
    if (summary.isEmpty())
        return;
    const client::ServiceInfo service = client::json::service(summary);
    if (!service.credentialId.isEmpty() && !m_credentialNames.contains(service.credentialId))
        loadCredentialNames(); // linked to one this console did not know yet
    m_model->upsert(service);
    if (isSelected)
        loadDetail(); // the endpoints too, as they are now
}

void ServicesPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    m_view->selectRow(index.row());
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("services.menu"));
    for (QPushButton *button : {m_edit, m_refreshSchema, m_test, m_addEndpoint, m_delete}) {
        QAction *action = menu.addAction(button->text());
        action->setObjectName(button->objectName() + QStringLiteral(".menu"));
        action->setEnabled(button->isEnabled());
        connect(action, &QAction::triggered, button, &QPushButton::click);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

bool ServicesPage::openItem(const QString &serviceId)
{
    showService(serviceId);
    return true;
}

void ServicesPage::showService(const QString &id)
{
    m_pendingSelect = id;
    selectWhenListed();
}

void ServicesPage::selectWhenListed()
{
    if (m_pendingSelect.isEmpty())
        return;
    if (select(m_pendingSelect)) {
        m_view->scrollTo(m_view->currentIndex());
        m_pendingSelect.clear();
        return;
    }
    // Not among the rows read so far: the next page, unless a search hides it.
    if (m_model->isFiltered()) {
        m_search->clear();
        m_model->setSearch({});
        return;
    }
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void ServicesPage::reload()
{
    m_message.clear();
    m_notice.clear();
    m_model->reload();
    loadCredentialNames();
    showState();
}

void ServicesPage::loadCredentialNames()
{
    if (!m_client)
        return;
    client::CredentialFilter filter;
    filter.page = {1, 100};
    // Only the newest read counts: an older answer may arrive after it.
    const quint64 generation = ++m_credentialGeneration;
    client::CredentialsApi(*m_client).list(
        filter,
        client::within(this, [this, generation](Result<client::Page<client::CredentialInfo>> r) {
            if (generation != m_credentialGeneration)
                return;
            if (!r)
                return; // the list then says "Linked"
            m_credentialNames.clear();
            for (const client::CredentialInfo &c : r->items)
                m_credentialNames.insert(c.id, c.name);
            m_model->setCredentialNames(m_credentialNames);
            showDetail();
        }));
}

QString ServicesPage::listStateText() const
{
    return m_state->text();
}

const client::ServiceInfo *ServicesPage::detail() const
{
    return m_detail ? &*m_detail : nullptr;
}

void ServicesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ServicesPage::retranslateUi()
{
    m_title->setText(tr("Services"));
    m_subtitle->setText(tr("External REST services whose endpoints flows can call, imported from "
                           "their OpenAPI document or added by hand."));
    m_header->retranslateUi();
    m_create->setText(tr("New service..."));
    m_refreshSchema->setText(tr("Refresh schema..."));
    m_test->setText(tr("Test call..."));
    m_addEndpoint->setText(tr("Add endpoint..."));
    m_delete->setText(tr("Delete..."));
    m_edit->setText(tr("Edit..."));
    m_endpointsTitle->setText(tr("Endpoints"));
    m_schemaTitle->setText(tr("Schema"));
    refreshTexts(m_model);
    showDetail();
    showState();
}

const client::ServiceInfo *ServicesPage::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->service(rows.first().row());
}

bool ServicesPage::select(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

bool ServicesPage::selectEndpoint(const QString &method, const QString &path)
{
    for (int i = 0; i < m_endpoints->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_endpoints->topLevelItem(i);
        if (item->data(0, Qt::UserRole + 1).toString() == method &&
            item->data(1, Qt::UserRole + 1).toString() == path) {
            m_endpoints->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool ServicesPage::mayChange(const client::ServiceInfo &service) const
{
    return isAdmin() || (m_client && !isViewer() && service.createdBy == m_me.id);
}

void ServicesPage::updateActions()
{
    const client::ServiceInfo *s = selected();
    const auto set = [](QPushButton *button, bool enabled, const QString &tip) {
        button->setEnabled(enabled);
        button->setToolTip(tip);
    };
    const QString noSession = tr("Sign in first.");
    const QString select = tr("Select a service first.");
    set(m_create, m_client && !isViewer(),
        !m_client    ? noSession
        : isViewer() ? AdminText::notForViewers(m_me.role)
                     : tr("Register a service by its base URL."));
    const auto tip = [&](bool needsOwner, const QString &ok) {
        if (!m_client)
            return noSession;
        if (isViewer())
            return AdminText::notForViewers(m_me.role);
        if (!s)
            return select;
        if (needsOwner && !mayChange(*s))
            return tr("Only who registered it (%1) or an administrator can change this service.")
                .arg(s->createdByName.isEmpty() ? tr("(deleted user)") : s->createdByName);
        return ok;
    };
    const bool user = m_client && !isViewer() && s;
    const bool owner = user && mayChange(*s);
    // A document imported from a file has no source URL but its schema.
    const bool hasDocument = s && (!s->schemaSource.isEmpty() || !s->schema.isEmpty());
    set(m_refreshSchema, owner && hasDocument,
        owner && !hasDocument
            ? tr("This service has no OpenAPI document; add its endpoints by hand.")
            : tip(true, tr("Read the OpenAPI document again and compare before storing.")));
    set(m_test, user, tip(false, tr("Call one endpoint with parameters and see the answer.")));
    set(m_addEndpoint, owner, tip(true, tr("Add an endpoint by hand.")));
    set(m_delete, owner, tip(true, tr("Delete the service and its endpoints.")));
    set(m_edit, owner,
        tip(true, tr("Change the name, description, base URL, schema URL or credential.")));
    m_reload->setEnabled(bool(m_client));
}

void ServicesPage::showState()
{
    QString text;
    bool showList = true;
    switch (m_model->state()) {
    case ServiceListModel::State::Idle:
        text = m_client ? QString() : tr("Sign in to see services.");
        break;
    case ServiceListModel::State::Loading:
        text = tr("Loading services...");
        break;
    case ServiceListModel::State::Failed:
        showList = false;
        m_emptyTitle->setText(tr("The services could not be read"));
        m_emptyText->setText(ServiceText::error(m_model->lastError(), m_me.role));
        m_emptyAction->setText(tr("Retry"));
        m_emptyAction->setEnabled(true);
        m_emptyAction->setToolTip({});
        break;
    case ServiceListModel::State::Ready:
        if (m_model->rowCount() == 0) {
            showList = false;
            if (m_model->isFiltered()) {
                m_emptyTitle->setText(tr("No service matches"));
                m_emptyText->setText(
                    tr("No service has \"%1\" in its name.").arg(m_model->search()));
                m_emptyAction->setText(tr("Clear search"));
                m_emptyAction->setEnabled(true);
                m_emptyAction->setToolTip({});
            } else {
                m_emptyTitle->setText(tr("No services yet"));
                m_emptyText->setText(
                    tr("Register a REST service by its base URL: its OpenAPI document is found "
                       "and its endpoints imported, ready for flows to call with a linked "
                       "credential."));
                m_emptyAction->setText(tr("New service..."));
                m_emptyAction->setEnabled(m_create->isEnabled());
                m_emptyAction->setToolTip(m_create->toolTip());
            }
        } else {
            text = tr("%1 of %n service(s) shown", "", int(m_model->totalCount()))
                       .arg(QLocale().toString(m_model->rowCount()));
        }
        break;
    }
    QString tone;
    if (!m_message.isEmpty()) {
        text = m_message.toString();
        tone = QStringLiteral("bad");
    } else if (!m_notice.isEmpty()) {
        text = m_notice.toString();
        tone = QStringLiteral("good");
    }
    m_content->setCurrentWidget(showList ? m_listPanel : m_emptyPanel);
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    svcPageSetTone(m_state, tone);
    updateActions();
}

void ServicesPage::failed(std::function<QString()> what, const hm::Error &error)
{
    m_notice.clear();
    m_message = LocalizedText(
        [what, error, role = m_me.role] { return what().arg(ServiceText::error(error, role)); });
    showState();
}

void ServicesPage::setNotice(LocalizedText notice)
{
    m_message.clear();
    m_notice = std::move(notice);
    // An outcome passes (widgets/MessageLine's time); an error stays.
    m_noticeExpiry.start(MessageLine::passingMs());
}

void ServicesPage::loadDetail()
{
    const client::ServiceInfo *s = selected();
    const quint64 generation = ++m_detailGeneration;
    m_detail.reset();
    m_detailError.clear();
    if (!s || !m_client) {
        showDetail();
        return;
    }
    showDetail();
    client::ServicesApi(*m_client).get(
        s->id, client::within(this, [this, generation](Result<client::ServiceInfo> r) {
            if (generation != m_detailGeneration)
                return;
            if (!r) {
                m_detailError = ServiceText::error(r.error(), m_me.role);
                showDetail();
                return;
            }
            m_detail = *r;
            m_model->upsert(*r);
            showDetail();
        }));
}

void ServicesPage::showDetail()
{
    // Keep the endpoint selected across a reread.
    QString method;
    QString path;
    if (QTreeWidgetItem *item = m_endpoints->currentItem()) {
        method = item->data(0, Qt::UserRole + 1).toString();
        path = item->data(1, Qt::UserRole + 1).toString();
    }
    QSignalBlocker blocker(m_endpoints);
    m_endpoints->clear();
    m_endpoints->setHeaderLabels({tr("Method"), tr("Path"), tr("Summary")});
    const client::ServiceInfo *s = selected();
    if (!s && !m_deletedName.isEmpty()) {
        m_detailTitle->setText(tr("Service deleted"));
        m_detailInfo->setText(tr("\"%1\" was deleted, perhaps in another console: flows calling "
                                 "it fail. Select another service.")
                                  .arg(m_deletedName));
        m_schema->showEndpoint(nullptr);
        m_schemaTitle->setText(tr("Schema"));
        m_endpointsTitle->setText(tr("Endpoints"));
        return;
    }
    if (!s) {
        m_detailTitle->setText(tr("No service selected"));
        m_detailInfo->setText(tr("Select a service to see its endpoints and their schemas."));
        m_schema->showEndpoint(nullptr);
        return;
    }
    m_detailTitle->setText(s->displayName.isEmpty() ? s->name : s->displayName);
    if (!m_detailError.isEmpty()) {
        m_detailInfo->setText(tr("The service could not be read: %1").arg(m_detailError));
        m_schema->showEndpoint(nullptr);
        return;
    }
    if (!m_detail || m_detail->id != s->id) {
        m_detailInfo->setText(tr("Reading the endpoints..."));
        m_schema->showEndpoint(nullptr);
        return;
    }
    const client::ServiceInfo &d = *m_detail;
    QStringList lines;
    const QString readAt =
        dateTimeText(d.schemaRefreshedAt.isValid() ? d.schemaRefreshedAt : d.createdAt);
    if (!d.schemaSource.isEmpty())
        lines << tr("%1 — document %2, read %3").arg(d.baseUrl, d.schemaSource, readAt);
    else if (!d.schema.isEmpty())
        lines << tr("%1 — document imported from a file, read %2").arg(d.baseUrl, readAt);
    else
        lines << tr("%1 — no OpenAPI document, endpoints added by hand").arg(d.baseUrl);
    const QString credential = d.credentialId.isEmpty()
                                   ? tr("none")
                                   : m_credentialNames.value(d.credentialId, tr("linked"));
    lines << tr("Status: %1 · Credential: %2 · Timeout: %3 ms · Registered by %4")
                 .arg(ServiceText::status(d.status), credential, QLocale().toString(d.timeoutMs),
                      d.createdByName.isEmpty() ? tr("(deleted user)") : d.createdByName);
    m_detailInfo->setText(lines.join(u'\n'));
    int active = 0;
    int removed = 0;
    QTreeWidgetItem *current = nullptr;
    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    for (const client::ServiceEndpoint &e : d.endpoints) {
        auto *item = new QTreeWidgetItem(m_endpoints);
        item->setData(0, Qt::UserRole, e.id);
        item->setData(0, Qt::UserRole + 1, e.method);
        item->setData(1, Qt::UserRole + 1, e.path);
        item->setText(0, e.method);
        item->setText(1, e.path);
        QString summary = e.summary.isEmpty() ? e.name : e.summary;
        if (e.source == QLatin1String("manual"))
            summary = tr("%1 (by hand)").arg(summary);
        if (e.isRemoved()) {
            ++removed;
            summary = tr("Removed — %1").arg(summary);
            item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, grey);
            QFont font = item->font(1);
            font.setStrikeOut(true);
            item->setFont(1, font);
            item->setToolTip(1, tr("No longer in the document since %1; flows using it fail "
                                   "with ENDPOINT_NOT_FOUND.")
                                    .arg(dateTimeText(e.removedAt)));
        } else {
            ++active;
        }
        item->setText(2, summary);
        if (e.method == method && e.path == path)
            current = item;
    }
    m_endpointsTitle->setText(
        removed == 0 ? tr("Endpoints (%1)").arg(QLocale().toString(active))
                     : tr("Endpoints (%1 active, %2 removed)")
                           .arg(QLocale().toString(active), QLocale().toString(removed)));
    m_endpoints->resizeColumnToContents(0);
    m_endpoints->resizeColumnToContents(1);
    if (!current && m_endpoints->topLevelItemCount() > 0)
        current = m_endpoints->topLevelItem(0);
    m_endpoints->setCurrentItem(current);
    blocker.unblock();
    showEndpoint();
}

void ServicesPage::showEndpoint()
{
    QTreeWidgetItem *item = m_endpoints->currentItem();
    if (!item || !m_detail) {
        m_schema->showEndpoint(nullptr);
        m_schemaTitle->setText(tr("Schema"));
        return;
    }
    const QString id = item->data(0, Qt::UserRole).toString();
    for (const client::ServiceEndpoint &e : m_detail->endpoints) {
        if (e.id == id) {
            m_schema->showEndpoint(&e);
            m_schemaTitle->setText(tr("Schema of %1 %2").arg(e.method, e.path));
            return;
        }
    }
    m_schema->showEndpoint(nullptr);
}

void ServicesPage::createService()
{
    if (!m_client || isViewer())
        return;
    m_message.clear();
    ServiceWizard wizard(m_client, m_me.role, this);
    if (DialogSeam::exec(&wizard) != QDialog::Accepted)
        return;
    const client::ServiceInfo service = wizard.service();
    m_model->upsert(service);
    setNotice(LocalizedText([name = service.name, count = service.endpointCount] {
        return tr("\"%1\" was registered with %n endpoint(s).", "", count).arg(name);
    }));
    showState();
    select(service.id);
}

void ServicesPage::refreshSchema()
{
    const client::ServiceInfo *s = selected();
    if (!m_client || !s || !mayChange(*s))
        return;
    m_message.clear();
    SchemaRefreshDialog dialog(m_client, *s, m_me.role, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    const client::SchemaRefresh &r = dialog.result();
    setNotice(LocalizedText([name = r.service.name, added = r.added.size(),
                             changed = r.changed.size(), removed = r.removed.size()] {
        return tr("Schema of \"%1\" refreshed: %2 added, %3 changed, %4 removed.")
            .arg(name, QLocale().toString(added), QLocale().toString(changed),
                 QLocale().toString(removed));
    }));
    m_model->upsert(r.service);
    showState();
    loadDetail();
}

void ServicesPage::testService()
{
    const client::ServiceInfo *s = selected();
    if (!m_client || !s || isViewer())
        return;
    const client::ServiceInfo service = m_detail && m_detail->id == s->id ? *m_detail : *s;
    ServiceTestDialog dialog(m_client, service, m_me.role, this);
    if (QTreeWidgetItem *item = m_endpoints->currentItem())
        dialog.selectEndpoint(item->data(0, Qt::UserRole).toString());
    DialogSeam::exec(&dialog);
}

void ServicesPage::addEndpoint()
{
    const client::ServiceInfo *s = selected();
    if (!m_client || !s || !mayChange(*s))
        return;
    m_message.clear();
    EndpointDialog dialog(m_client, *s, m_me.role, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    setNotice(LocalizedText([method = dialog.endpoint().method, path = dialog.endpoint().path] {
        return tr("Endpoint %1 %2 added.").arg(method, path);
    }));
    showState();
    loadDetail();
}

void ServicesPage::editService()
{
    const client::ServiceInfo *s = selected();
    if (!m_client || !s || !mayChange(*s))
        return;
    m_message.clear();
    m_notice.clear();
    ServiceEditDialog dialog(m_client, *s, m_me.role, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    const client::ServiceInfo &service = dialog.service();
    m_model->upsert(service);
    setNotice(LocalizedText([name = service.name] { return tr("\"%1\" was saved.").arg(name); }));
    showState();
    if (!service.credentialId.isEmpty() && !m_credentialNames.contains(service.credentialId))
        loadCredentialNames();
    loadDetail();
}

void ServicesPage::deleteSelected()
{
    const client::ServiceInfo *s = selected();
    if (!m_client || !s || !mayChange(*s))
        return;
    m_message.clear();
    m_notice.clear();
    const QString id = s->id;
    const QString name = s->name;
    if (!MessageBox::confirm(this, tr("Delete service"),
                             tr("Delete \"%1\" and its %n endpoint(s)? Flows calling it stop "
                                "working. This cannot be undone.",
                                "", s->endpointCount)
                                 .arg(name),
                             tr("Delete"), QStringLiteral("services.confirmDelete"),
                             MessageBox::Confirm::Destructive))
        return;
    client::ServicesApi(*m_client).remove(
        id, client::within(this, [this, id, name](Result<void> r) {
            if (!r)
                return failed([] { return tr("The service was not deleted: %1"); }, r.error());
            m_model->remove(id);
            // Its event may have come first: this console deleted it.
            m_message.clear();
            m_deletedName.clear();
            setNotice(LocalizedText([name] { return tr("\"%1\" was deleted.").arg(name); }));
            loadDetail();
            showState();
        }));
}

} // namespace hm::app
