#include "components/ComponentsPage.h"

#include "client/ApiClient.h"
#include "client/ComponentsApi.h"
#include "client/Within.h"
#include "components/ComponentDetailsDialog.h"
#include "components/ComponentListModel.h"
#include "flow/SchemaOrder.h"
#include "widgets/ComponentIcon.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/MessageLine.h"
#include "widgets/PageFrame.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/SeparatedList.h"
#include "widgets/ServerErrorText.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

bool isAdmin(const client::UserInfo &user)
{
    return user.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    if (value.isDouble())
        return QLocale::c().toString(value.toDouble(), 'g', 15);
    return QString::fromUtf8(
        QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
}

} // namespace

ComponentsPage::ComponentsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page.components"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins());

    const PageTitle title = createPageTitle(this, QStringLiteral("components.title"),
                                            QStringLiteral("components.subtitle"));
    auto *header = title.row;
    m_title = title.title;
    m_subtitle = title.subtitle;
    m_reload = new QPushButton(this);
    m_reload->setObjectName(QStringLiteral("components.reload"));
    connect(m_reload, &QPushButton::clicked, this, &ComponentsPage::reload);
    header->addWidget(m_reload);
    layout->addLayout(header);

    // Register: endpoint URL, optional name.
    auto *form = new QHBoxLayout();
    m_registerLabel = new QLabel(this);
    form->addWidget(m_registerLabel);
    m_endpoint = new QLineEdit(this);
    m_endpoint->setObjectName(QStringLiteral("components.registerEndpoint"));
    m_endpoint->setClearButtonEnabled(true);
    form->addWidget(m_endpoint, 3);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("components.registerName"));
    m_name->setClearButtonEnabled(true);
    form->addWidget(m_name, 1);
    m_register = new QPushButton(this);
    m_register->setObjectName(QStringLiteral("components.register"));
    connect(m_register, &QPushButton::clicked, this, &ComponentsPage::registerEndpoint);
    connect(m_endpoint, &QLineEdit::returnPressed, this, &ComponentsPage::registerEndpoint);
    connect(m_endpoint, &QLineEdit::textChanged, this, &ComponentsPage::updateActions);
    form->addWidget(m_register);
    layout->addLayout(form);
    // With a name: its display name, category, icon and description.
    auto *details = new QHBoxLayout();
    m_registerDisplayName = new QLineEdit(this);
    m_registerDisplayName->setObjectName(QStringLiteral("components.registerDisplayName"));
    m_registerDisplayName->setMaxLength(255);
    details->addWidget(m_registerDisplayName, 2);
    m_registerCategory = new QComboBox(this);
    m_registerCategory->setObjectName(QStringLiteral("components.registerCategory"));
    m_registerCategory->setEditable(true);
    m_registerCategory->setInsertPolicy(QComboBox::NoInsert);
    m_registerCategory->lineEdit()->setMaxLength(100);
    details->addWidget(m_registerCategory, 2);
    m_registerIcon = new QComboBox(this);
    m_registerIcon->setObjectName(QStringLiteral("components.registerIcon"));
    m_registerIcon->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    details->addWidget(m_registerIcon);
    m_registerDescription = new QLineEdit(this);
    m_registerDescription->setObjectName(QStringLiteral("components.registerDescription"));
    details->addWidget(m_registerDescription, 3);
    layout->addLayout(details);
    connect(m_name, &QLineEdit::textChanged, this, &ComponentsPage::updateActions);
    m_registerMessage = new QLabel(this);
    m_registerMessage->setObjectName(QStringLiteral("components.registerMessage"));
    m_registerMessage->setWordWrap(true);
    m_registerMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_registerMessage->hide();
    m_registerLine =
        new MessageLine(m_registerMessage, [this](const QString &text, MessageLine::Kind) {
            m_registerMessage->setText(text);
            m_registerMessage->setVisible(!text.isEmpty());
        });
    layout->addWidget(m_registerMessage);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("components.splitter"));
    m_model = new ComponentListModel(this);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("components.list"));
    // Sorted by a click on a column's header (display name first); every
    // row the page reads maps through m_sorted to m_model.
    m_sorted = new ComponentSortModel(m_model, this);
    m_sorted->setObjectName(QStringLiteral("components.sorted"));
    m_view->setModel(m_sorted);
    m_view->horizontalHeader()->setSortIndicator(ComponentListModel::NameColumn,
                                                 Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(ComponentListModel::NameColumn,
                                                     QHeaderView::Stretch);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetail();
        updateActions();
    });
    connect(m_model, &ComponentListModel::stateChanged, this, [this] {
        if (m_model->state() == ComponentListModel::State::Ready) {
            fitColumns();
            const QString typed = m_registerCategory->currentText();
            m_registerCategory->clear();
            m_registerCategory->addItems(m_model->categories());
            m_registerCategory->setCurrentText(typed);
        }
        showState();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ComponentsPage::fitColumns);
    // Other consoles' changes (component_* on /ws/events) update the rows;
    // after a drop of the stream everything is read again.
    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, m_model, &ComponentListModel::applyEvent);
    connect(m_live, &LiveEvents::reopened, this, &ComponentsPage::reload);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        showDetail();
        updateActions();
    });

    m_detail = new QWidget(splitter);
    m_detail->setObjectName(QStringLiteral("components.detail"));
    auto *detail = new QVBoxLayout(m_detail);
    detail->setContentsMargins(12, 0, 0, 0);
    auto *titleRow = new QHBoxLayout();
    titleRow->setSpacing(8);
    m_detailIcon = new QLabel(m_detail);
    m_detailIcon->setObjectName(QStringLiteral("components.detailIcon"));
    m_detailIcon->setFixedSize(28, 28);
    titleRow->addWidget(m_detailIcon, 0, Qt::AlignVCenter);
    m_detailTitle = new QLabel(m_detail);
    m_detailTitle->setObjectName(QStringLiteral("components.detailTitle"));
    m_detailTitle->setProperty("hmStyle", QStringLiteral("editorTitle"));
    m_detailTitle->setWordWrap(true);
    // Long unbroken text (a 255-character display name, a 4,000-character
    // description) must not claim its width from the list beside it.
    m_detailTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    titleRow->addWidget(m_detailTitle, 1);
    detail->addLayout(titleRow);
    m_detailInfo = new QLabel(m_detail);
    m_detailInfo->setObjectName(QStringLiteral("components.detailInfo"));
    m_detailInfo->setWordWrap(true);
    m_detailInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailInfo->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    detail->addWidget(m_detailInfo);
    m_usage = new QLabel(m_detail);
    m_usage->setObjectName(QStringLiteral("components.usage"));
    m_usage->setWordWrap(true);
    m_usage->setProperty("hmStyle", QStringLiteral("muted"));
    detail->addWidget(m_usage);
    m_interface = new QTreeWidget(m_detail);
    m_interface->setObjectName(QStringLiteral("components.interface"));
    m_interface->setColumnCount(2);
    m_interface->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_interface->setUniformRowHeights(true);
    detail->addWidget(m_interface, 1);
    auto *actions = new QHBoxLayout();
    actions->addStretch(1);
    m_editDetails = new QPushButton(m_detail);
    m_editDetails->setObjectName(QStringLiteral("components.editDetails"));
    connect(m_editDetails, &QPushButton::clicked, this, &ComponentsPage::editDetails);
    actions->addWidget(m_editDetails);
    m_deprecate = new QPushButton(m_detail);
    m_deprecate->setObjectName(QStringLiteral("components.deprecate"));
    connect(m_deprecate, &QPushButton::clicked, this, &ComponentsPage::toggleDeprecated);
    actions->addWidget(m_deprecate);
    detail->addLayout(actions);
    // A failed read or no components: the shared empty state in the list's
    // place.
    m_listStack = new QStackedWidget(splitter);
    m_listStack->addWidget(m_view);
    m_empty = new SectionEmptyState(QStringLiteral("components"), m_listStack);
    m_listStack->addWidget(m_empty);
    connect(m_empty->action(), &QPushButton::clicked, m_model, &ComponentListModel::reload);
    splitter->addWidget(m_listStack);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("components.state"));
    m_state->setWordWrap(true);
    m_state->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_state);

    retranslateUi();
}

ComponentsPage::~ComponentsPage() = default;

void ComponentsPage::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_me = client ? user : client::UserInfo{};
    m_message.clear();
    m_registerLine->clear();
    m_model->setClient(client);
    m_live->setClient(client);
    m_usageKey.clear();
    if (client)
        reload();
    retranslateUi();
}

bool ComponentsPage::isLive() const
{
    return m_live->isOpen();
}

void ComponentsPage::fitColumns()
{
    // Every column as wide as its contents (and header), a little air; the
    // name takes the rest.
    for (int column = 0; column < ComponentListModel::ColumnCount; ++column) {
        if (column == ComponentListModel::NameColumn)
            continue;
        m_view->resizeColumnToContents(column);
        m_view->horizontalHeader()->resizeSection(
            column, m_view->horizontalHeader()->sectionSize(column) + 12);
    }
}

void ComponentsPage::reload()
{
    m_message.clear();
    m_model->reload();
}

bool ComponentsPage::select(const QString &name, const QString &version)
{
    const QModelIndex at = m_sorted->indexOf(name, version);
    if (!at.isValid())
        return false;
    m_view->setCurrentIndex(at);
    m_view->scrollTo(at);
    return true;
}

const client::ComponentInfo *ComponentsPage::selected() const
{
    const QModelIndex current = m_view->currentIndex();
    return m_sorted->component(current);
}

QString ComponentsPage::errorText(const hm::Error &error) const
{
    const QJsonObject d = error.details;
    switch (error.code) {
    case ErrorCode::Forbidden:
    case ErrorCode::InsufficientPermissions:
        return tr("The server refused this: only administrators may register or deprecate "
                  "components.");
    case ErrorCode::Unauthorized:
    case ErrorCode::TokenExpired:
    case ErrorCode::TokenInvalid:
    case ErrorCode::InvalidToken:
        return tr("You are not signed in to this server, or your session has ended.");
    case ErrorCode::ComponentUnavailable:
        return tr("The component service cannot be reached or is not healthy: %1")
            .arg(error.message);
    case ErrorCode::ComponentNotFound:
        if (!d.value(QStringLiteral("endpoint")).toString().isEmpty() &&
            !m_name->text().trimmed().isEmpty())
            return tr("The service at this endpoint does not serve a component named \"%1\".")
                .arg(m_name->text().trimmed());
        return tr("The server does not know this component (any more).");
    case ErrorCode::ResourceAlreadyExists:
        return tr("Already registered: %1").arg(error.message);
    case ErrorCode::ValidationError: {
        const QString field = d.value(QStringLiteral("field")).toString();
        const QString name = d.value(QStringLiteral("name")).toString();
        if (field == QLatin1String("endpoint"))
            return tr("The endpoint must be an http or https URL without user name, password, "
                      "query or fragment, e.g. http://10.0.0.5:9000.");
        if (field == QLatin1String("version"))
            return tr("Component %1 has version \"%2\", which is not a semantic version "
                      "(MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1).")
                .arg(name, d.value(QStringLiteral("version")).toString());
        if (!field.isEmpty() && !name.isEmpty())
            return tr("Component %1 has an invalid %2: %3").arg(name, field, error.message);
        return tr("The server refused this: %1").arg(error.message);
    }
    default:
        // The network, a busy or stopped server, a code this page has no
        // words of its own for: the console's shared wording, translated.
        return describeApiErrorSentence(error);
    }
}

void ComponentsPage::showRegisterMessage(std::function<QString()> text, bool error)
{
    m_registerMessageIsError = error;
    m_registerMessage->setProperty("tone", error ? QStringLiteral("bad") : QString());
    m_registerMessage->style()->unpolish(m_registerMessage);
    m_registerMessage->style()->polish(m_registerMessage);
    m_registerLine->show(std::move(text),
                         m_busy || error ? MessageLine::Kind::Lasting : MessageLine::Kind::Passing);
}

void ComponentsPage::registerEndpoint()
{
    if (!m_client || m_busy || !isAdmin(m_me))
        return;
    const QString endpoint = m_endpoint->text().trimmed();
    if (endpoint.isEmpty()) {
        showRegisterMessage([] { return tr("Enter the base URL of the component service."); },
                            true);
        return;
    }
    m_busy = true;
    updateActions();
    showRegisterMessage([endpoint] { return tr("Checking %1...").arg(endpoint); }, false);
    client::ComponentDetails details;
    if (!m_name->text().trimmed().isEmpty()) {
        const auto given = [](const QString &text) {
            return text.trimmed().isEmpty() ? std::nullopt : std::optional(text.trimmed());
        };
        details.displayName = given(m_registerDisplayName->text());
        details.category = given(m_registerCategory->currentText());
        details.icon = given(m_registerIcon->currentData().toString());
        details.description = given(m_registerDescription->text());
    }
    client::ComponentsApi(*m_client).registerEndpoint(
        endpoint, m_name->text().trimmed(), details,
        client::within(this, [this](Result<QList<client::ComponentInfo>> r) {
            m_busy = false;
            if (!r) {
                showRegisterMessage([this, error = r.error()] { return errorText(error); }, true);
                updateActions();
                return;
            }
            QList<std::pair<QString, QString>> registered;
            for (const client::ComponentInfo &c : *r) {
                m_model->updateComponent(c);
                registered.append({c.name, c.version});
            }
            showRegisterMessage(
                [registered] {
                    QStringList names;
                    for (const auto &[name, version] : registered)
                        names << tr("%1 %2").arg(name, version);
                    return tr("Registered %n component version(s): %1", "", int(registered.size()))
                        .arg(separatedList(names));
                },
                false);
            m_endpoint->clear();
            m_name->clear();
            m_registerDisplayName->clear();
            m_registerCategory->setCurrentText(QString());
            m_registerIcon->setCurrentIndex(0);
            m_registerDescription->clear();
            if (!r->isEmpty())
                select(r->first().name, r->first().version);
            updateActions();
        }));
}

void ComponentsPage::toggleDeprecated()
{
    const client::ComponentInfo *c = selected();
    if (!m_client || !c || c->builtin || m_busy || !isAdmin(m_me))
        return;
    m_busy = true;
    updateActions();
    const bool deprecate = !c->deprecated;
    client::ComponentsApi(*m_client).setDeprecated(
        c->name, c->version, deprecate,
        client::within(this, [this](Result<client::ComponentInfo> r) {
            m_busy = false;
            if (!r) {
                m_message = LocalizedText([this, error = r.error()] { return errorText(error); });
                showState();
            } else {
                m_message.clear();
                m_model->updateComponent(*r);
                showState();
            }
            updateActions();
        }));
}

void ComponentsPage::editDetails()
{
    const client::ComponentInfo *c = selected();
    if (!m_client || !c || c->builtin || m_busy || !isAdmin(m_me))
        return;
    m_message.clear();
    ComponentDetailsDialog dialog(m_client, *c, m_model->categories(), this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.saved().isEmpty())
        return;
    m_model->updateDetails(dialog.saved().first());
    showDetail();
    showState();
}

void ComponentsPage::updateActions()
{
    const bool admin = m_client && isAdmin(m_me);
    const client::ComponentInfo *c = selected();
    m_endpoint->setEnabled(admin && !m_busy);
    m_name->setEnabled(admin && !m_busy);
    // The name-level fields go with a name only (the server refuses them
    // without one).
    const bool named = admin && !m_busy && !m_name->text().trimmed().isEmpty();
    for (QWidget *field :
         {static_cast<QWidget *>(m_registerDisplayName), static_cast<QWidget *>(m_registerCategory),
          static_cast<QWidget *>(m_registerIcon), static_cast<QWidget *>(m_registerDescription)}) {
        field->setEnabled(named);
        field->setToolTip(named ? QString()
                                : tr("Enter a component name first: these fields belong to "
                                     "one component."));
    }
    m_register->setEnabled(admin && !m_busy && !m_endpoint->text().trimmed().isEmpty());
    m_reload->setEnabled(m_client != nullptr);
    m_deprecate->setEnabled(admin && !m_busy && c && !c->builtin &&
                            c->status != QLatin1String("disabled"));
    m_deprecate->setText(c && c->deprecated ? tr("Mark as active") : tr("Deprecate"));
    m_editDetails->setText(tr("Edit details..."));
    m_editDetails->setEnabled(admin && !m_busy && c && !c->builtin &&
                              c->status != QLatin1String("disabled"));
    if (!m_client)
        m_editDetails->setToolTip(tr("Sign in first."));
    else if (!admin)
        m_editDetails->setToolTip(tr("Only administrators may change components."));
    else if (c && c->builtin)
        m_editDetails->setToolTip(tr("Built-in components have no editable details."));
    else
        m_editDetails->setToolTip(
            tr("Display name, category, icon and description of every version."));
    QString why;
    if (!m_client)
        why = tr("Sign in first.");
    else if (!admin)
        why = tr("Only administrators may register or deprecate components.");
    m_register->setToolTip(why.isEmpty() ? tr("Check the service's health, read its interfaces "
                                              "and register them.")
                                         : why);
    if (!why.isEmpty())
        m_deprecate->setToolTip(why);
    else if (c && c->builtin)
        m_deprecate->setToolTip(tr("Built-in components cannot be deprecated."));
    else
        m_deprecate->setToolTip(tr("A deprecated version keeps running; flows that start using "
                                   "it get a warning."));
}

void ComponentsPage::showState()
{
    QString text;
    switch (m_model->state()) {
    case ComponentListModel::State::Idle:
        text = m_client ? QString() : tr("Sign in to see the components.");
        break;
    case ComponentListModel::State::Loading:
        text = tr("Loading components...");
        break;
    case ComponentListModel::State::Failed:
        text = tr("The components could not be loaded: %1").arg(errorText(m_model->lastError()));
        break;
    case ComponentListModel::State::Ready: {
        const int n = m_model->rowCount();
        text = n == 0 ? tr("No components.") : tr("%n component version(s).", "", n);
        break;
    }
    }
    if (!m_message.isEmpty())
        text = m_message.toString();
    m_state->setText(text);
    const bool failed = m_model->state() == ComponentListModel::State::Failed;
    const bool none =
        m_model->state() == ComponentListModel::State::Ready && m_model->rowCount() == 0;
    if (failed)
        m_empty->setContent({tr("The components cannot be shown"),
                             errorText(m_model->lastError()),
                             tr("&Try Again"),
                             {},
                             false});
    else if (none)
        m_empty->setContent({tr("No components yet"),
                             tr("Components are the steps of a flow: the built-in ones and those "
                                "registered from a service or a component server."),
                             tr("&Reload"),
                             {},
                             false});
    m_listStack->setCurrentWidget(failed || none ? static_cast<QWidget *>(m_empty) : m_view);
    // The empty state says it already; the line under it would repeat it.
    m_state->setVisible(!(failed || none) || !m_message.isEmpty());
}

void ComponentsPage::addJson(QTreeWidgetItem *parent, const QJsonValue &value, bool propertiesMap)
{
    if (value.isObject()) {
        for (const flow::schemaorder::ShownMember &member :
             flow::schemaorder::shownMembers(value.toObject(), propertiesMap)) {
            auto *item = new QTreeWidgetItem(parent, {member.key});
            if (member.value.isObject() || member.value.isArray())
                addJson(item, member.value, member.propertiesMap);
            else
                item->setText(1, scalarText(member.value));
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bool scalars = true;
        for (const QJsonValue v : array)
            scalars = scalars && !v.isObject() && !v.isArray();
        if (scalars) {
            QStringList texts;
            for (const QJsonValue v : array)
                texts << scalarText(v);
            parent->setText(1, texts.join(QStringLiteral(", ")));
            return;
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            auto *item = new QTreeWidgetItem(parent, {QStringLiteral("[%1]").arg(i)});
            addJson(item, array.at(i));
        }
    }
}

void ComponentsPage::addPorts(QTreeWidgetItem *parent, const QJsonArray &ports, bool inputs)
{
    if (ports.isEmpty()) {
        auto *none = new QTreeWidgetItem(parent, {tr("(none)")});
        none->setDisabled(true);
        return;
    }
    for (const QJsonValue p : ports) {
        const QJsonObject port = p.toObject();
        const QString type = port.value(QStringLiteral("type")).toString();
        const bool required = inputs && port.value(QStringLiteral("required")).toBool();
        auto *item = new QTreeWidgetItem(parent, {port.value(QStringLiteral("name")).toString(),
                                                  required ? tr("%1, required").arg(type) : type});
        const QString description = port.value(QStringLiteral("description")).toString();
        if (!description.isEmpty()) {
            item->setToolTip(0, description);
            item->setToolTip(1, description);
            new QTreeWidgetItem(item, {tr("Description"), description});
        }
        if (port.contains(QStringLiteral("default")))
            new QTreeWidgetItem(item,
                                {tr("Default"), scalarText(port.value(QStringLiteral("default")))});
        if (port.contains(QStringLiteral("schema"))) {
            auto *schema = new QTreeWidgetItem(item, {tr("Schema")});
            addJson(schema, port.value(QStringLiteral("schema")));
        }
    }
}

namespace {
// How much of a name and a description the detail pane shows (the rest is
// in the tooltip): what fits a few lines of the pane at its narrowest.
constexpr qsizetype kTitleShown = 80;
constexpr qsizetype kDescriptionShown = 300;

// A break opportunity (zero-width space) every 30 characters of a run with
// no space, so an unbroken string wraps inside the pane instead of being
// cut off at its edge.
QString breakable(const QString &text)
{
    constexpr int kRun = 30;
    QString out;
    out.reserve(text.size() + text.size() / kRun);
    int run = 0;
    for (const QChar ch : text) {
        run = ch.isSpace() ? 0 : run + 1;
        if (run > kRun) {
            out += QChar(0x200B);
            run = 1;
        }
        out += ch;
    }
    return out;
}
} // namespace

void ComponentsPage::showDetail()
{
    const client::ComponentInfo *c = selected();
    m_interface->clear();
    if (!c) {
        m_detailIcon->clear();
        m_detailTitle->setText(tr("No component selected"));
        m_detailTitle->setToolTip(QString());
        m_detailInfo->setToolTip(QString());
        m_detailInfo->setText(tr("Select a component version to see its ports and "
                                 "configuration schema."));
        m_usage->clear();
        return;
    }
    m_detailIcon->setPixmap(
        ComponentIcon::icon(c->icon, palette()).pixmap(QSize(28, 28), devicePixelRatioF()));
    // Long names and descriptions are shown shortened, whole in the tooltip.
    const auto shortened = [](const QString &text, qsizetype most) {
        return text.size() <= most ? text : text.left(most - 1) + QChar(0x2026);
    };
    m_detailTitle->setText(
        tr("%1 %2").arg(breakable(shortened(c->title(), kTitleShown)), c->version));
    m_detailTitle->setToolTip(c->title().size() > kTitleShown ? c->title() : QString());
    m_detailInfo->setToolTip(c->description.size() > kDescriptionShown ? c->description
                                                                       : QString());
    QStringList lines;
    if (!c->description.isEmpty())
        lines << breakable(shortened(c->description, kDescriptionShown))
                     .toHtmlEscaped()
                     .replace(u'\n', QStringLiteral("<br>"));
    if (c->title() != c->name)
        lines << tr("Component name: %1")
                     .arg(breakable(shortened(c->name, kTitleShown)).toHtmlEscaped());
    if (!c->builtin)
        lines << (c->category.isEmpty() ? tr("Category: none")
                                        : tr("Category: %1").arg(c->category.toHtmlEscaped()));
    lines << tr("Status: %1").arg(ComponentListModel::statusText(c->status));
    lines << tr("Health: %1").arg(ComponentListModel::healthText(c->health));
    if (c->builtin) {
        lines << tr("Built in: runs inside the server.");
    } else {
        for (const client::ComponentEndpointInfo &e : c->endpoints) {
            QString line =
                tr("Endpoint %1: %2")
                    .arg(e.url.toHtmlEscaped(), ComponentListModel::healthText(e.health));
            if (!e.healthMessage.isEmpty())
                line += QStringLiteral(" — ") + e.healthMessage.toHtmlEscaped();
            lines << line;
        }
    }
    m_detailInfo->setText(lines.join(QStringLiteral("<br>")));

    auto *inputs = new QTreeWidgetItem(m_interface, {tr("Inputs")});
    addPorts(inputs, c->inputs, true);
    auto *outputs = new QTreeWidgetItem(m_interface, {tr("Outputs")});
    addPorts(outputs, c->outputs, false);
    auto *config = new QTreeWidgetItem(m_interface, {tr("Configuration schema")});
    if (c->configSchema.isEmpty()) {
        auto *none = new QTreeWidgetItem(config, {tr("(any configuration)")});
        none->setDisabled(true);
    } else {
        addJson(config, c->configSchema);
    }
    m_interface->expandToDepth(1);

    // Which flows use it: asked once per selected version.
    const QString key = c->name + QChar(0x1f) + c->version;
    if (key != m_usageKey) {
        m_usageKey = key;
        m_usageCount = -1;
        m_usage->setText(tr("Looking for flows that use this version..."));
        if (m_client) {
            client::ComponentsApi(*m_client).usage(
                c->name, c->version, client::within(this, [this, key](Result<QJsonArray> r) {
                    if (key != m_usageKey)
                        return;
                    if (!r) {
                        m_usage->setText(errorText(r.error()));
                        return;
                    }
                    m_usageCount = int(r->size());
                    QStringList flows;
                    for (const QJsonValue item : *r)
                        flows << tr("%1 (version %2)")
                                     .arg(item[QStringLiteral("flow_name")].toString(),
                                          item[QStringLiteral("flow_version")].toString());
                    m_usage->setText(m_usageCount == 0
                                         ? tr("No flow you can see uses this version.")
                                         : tr("Used by %n flow version(s): %1", "", m_usageCount)
                                               .arg(separatedList(flows)));
                }));
        }
    }
}

void ComponentsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ComponentsPage::retranslateUi()
{
    m_title->setText(tr("Components"));
    m_subtitle->setText(tr("What flows are built from: the built-in components and those of the "
                           "component services registered here."));
    m_reload->setText(tr("Reload"));
    m_registerLabel->setText(tr("Register a component service:"));
    m_endpoint->setPlaceholderText(tr("Endpoint URL, e.g. http://10.0.0.5:9000"));
    m_name->setPlaceholderText(tr("Component name (optional)"));
    m_register->setText(tr("Register"));
    m_registerDisplayName->setPlaceholderText(tr("Display name (optional)"));
    m_registerCategory->lineEdit()->setPlaceholderText(tr("Category (optional)"));
    m_registerDescription->setPlaceholderText(tr("Description (optional)"));
    fillComponentIconCombo(m_registerIcon, m_registerIcon->currentData().toString());
    m_interface->setHeaderLabels({tr("Port or key"), tr("Type or value")});
    fitColumns();       // headers in the new language
    m_usageKey.clear(); // asked again, in the new language
    showDetail();
    showState();
    updateActions();
}

} // namespace hm::app
