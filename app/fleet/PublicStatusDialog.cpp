#include "fleet/PublicStatusDialog.h"

#include "client/ApiClient.h"
#include "client/NodesApi.h"
#include "client/Within.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/FieldError.h"
#include "widgets/Retranslate.h"
#include "widgets/ServerErrorText.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The largest page the server lists; a fleet of more takes more pages.
constexpr int kPublicStatusNodePage = 100;
constexpr int kPublicNodeIdRole = Qt::UserRole;

QLabel *publicStatusNote(QWidget *parent, const char *name, const QString &style)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("publicStatus.") + QLatin1String(name));
    label->setWordWrap(true);
    label->setProperty("hmStyle", style);
    return label;
}

} // namespace

PublicStatusDialog::PublicStatusDialog(client::ApiClient *client, QWidget *parent)
    : QDialog(parent), m_client(client)
{
    setObjectName(QStringLiteral("publicStatus.dialog"));
    setMinimumWidth(600);
    auto *layout = new QVBoxLayout(this);
    m_intro = publicStatusNote(this, "intro", {});
    layout->addWidget(m_intro);

    m_enabled = new QCheckBox(this);
    m_enabled->setObjectName(QStringLiteral("publicStatus.enabled"));
    layout->addWidget(m_enabled);
    m_enabledNote = publicStatusNote(this, "enabledNote", QStringLiteral("muted"));
    layout->addWidget(m_enabledNote);

    auto *form = new QFormLayout();
    m_titleLabel = new QLabel(this);
    // No length limit here: the server's rule (and its message) decides.
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("publicStatus.title"));
    m_titleLabel->setBuddy(m_title);
    form->addRow(m_titleLabel, m_title);
    layout->addLayout(form);

    m_showAddresses = new QCheckBox(this);
    m_showAddresses->setObjectName(QStringLiteral("publicStatus.showAddresses"));
    layout->addWidget(m_showAddresses);
    m_addressWarning = publicStatusNote(this, "addressWarning", QStringLiteral("banner"));
    layout->addWidget(m_addressWarning);

    m_nodesLabel = publicStatusNote(this, "nodesLabel", {});
    layout->addWidget(m_nodesLabel);
    m_nodes = new QTableWidget(0, ColumnCount, this);
    m_nodes->setObjectName(QStringLiteral("publicStatus.nodes"));
    m_nodes->verticalHeader()->hide();
    m_nodes->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(m_nodes->horizontalHeader());
    m_nodes->horizontalHeader()->setSectionResizeMode(NodeColumn, QHeaderView::Stretch);
    m_nodes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_nodes->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_nodes->setMinimumHeight(180);
    m_nodesLabel->setBuddy(m_nodes);
    layout->addWidget(m_nodes, 1);

    auto *urlRow = new QHBoxLayout();
    m_urlLabel = new QLabel(this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("publicStatus.url"));
    m_url->setReadOnly(true);
    m_urlLabel->setBuddy(m_url);
    m_copyUrl = new QPushButton(this);
    m_copyUrl->setObjectName(QStringLiteral("publicStatus.copyUrl"));
    urlRow->addWidget(m_urlLabel);
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copyUrl);
    layout->addLayout(urlRow);
    m_urlNote = publicStatusNote(this, "urlNote", QStringLiteral("muted"));
    layout->addWidget(m_urlNote);

    m_state = publicStatusNote(this, "state", QStringLiteral("muted"));
    layout->addWidget(m_state);
    m_error = createFieldError(this, QStringLiteral("publicStatus.error"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("publicStatus.save"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("publicStatus.cancel"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PublicStatusDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_enabled, &QCheckBox::toggled, this, &PublicStatusDialog::updateState);
    connect(m_nodes, &QTableWidget::itemChanged, this, &PublicStatusDialog::nodeChanged);
    connect(m_copyUrl, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_url->text()); });
    m_url->setText(publicUrl());
    retranslateUi();
    load();
}

QString PublicStatusDialog::publicUrl() const
{
    if (!m_client)
        return {};
    QUrl url = m_client->baseUrl();
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    // The page people open in a browser (its data as JSON is
    // /public/api/v1/status).
    url.setPath(path + QStringLiteral("/status"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url.toString();
}

void PublicStatusDialog::load()
{
    if (!m_client) {
        updateState();
        return;
    }
    m_pendingLoads = 2;
    updateState();
    client::PublicStatusApi(*m_client).fetch(
        client::within(this, [this](Result<client::PublicStatusSettings> r) {
            if (!r)
                return loadFailed(r.error());
            m_saved = *r;
            loadEnded();
        }));
    loadNodes(1);
}

void PublicStatusDialog::loadNodes(int page)
{
    if (!m_client)
        return;
    client::NodeFilter filter;
    filter.page = {page, kPublicStatusNodePage};
    client::NodesApi(*m_client).list(
        filter, client::within(this, [this, page](Result<client::Page<client::NodeRow>> r) {
            if (!r)
                return loadFailed(r.error());
            m_fleet.append(r->items);
            if (r->hasNext && !r->items.isEmpty())
                return loadNodes(page + 1);
            loadEnded();
        }));
}

void PublicStatusDialog::loadFailed(const hm::Error &error)
{
    // Without both the settings and the nodes a Save would drop choices.
    m_loadFailed = true;
    m_pendingLoads = 0;
    showError(error);
    updateState();
}

void PublicStatusDialog::loadEnded()
{
    if (m_loadFailed || --m_pendingLoads > 0)
        return;
    m_enabled->setChecked(m_saved.enabled);
    m_title->setText(m_saved.title);
    m_showAddresses->setChecked(m_saved.showAddresses);
    fillNodes();
    updateState();
}

void PublicStatusDialog::fillNodes()
{
    m_filling = true;
    m_chosen.clear();
    m_nodes->setRowCount(0);
    QHash<QString, QString> names;
    for (const client::NodeRow &node : m_fleet)
        names.insert(node.id, node.name);
    const auto addRow = [this](const QString &id, const QString &name, bool chosen,
                               const QString &displayName) {
        const int row = m_nodes->rowCount();
        m_nodes->insertRow(row);
        auto *nodeItem = new QTableWidgetItem(name);
        nodeItem->setData(kPublicNodeIdRole, id);
        nodeItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        nodeItem->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
        m_nodes->setItem(row, NodeColumn, nodeItem);
        auto *nameItem = new QTableWidgetItem(displayName);
        nameItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
        m_nodes->setItem(row, DisplayNameColumn, nameItem);
    };
    // The page's nodes first, in its order; then the rest of the fleet.
    for (const client::PublicNodeChoice &choice : m_saved.nodes) {
        m_chosen.append(choice.id);
        addRow(choice.id, names.value(choice.id, choice.id), true, choice.displayName);
    }
    for (const client::NodeRow &node : m_fleet) {
        if (!m_chosen.contains(node.id))
            addRow(node.id, node.name, false, {});
    }
    m_filling = false;
}

void PublicStatusDialog::nodeChanged(QTableWidgetItem *item)
{
    if (m_filling || item->column() != NodeColumn)
        return;
    const QString id = item->data(kPublicNodeIdRole).toString();
    const bool chosen = item->checkState() == Qt::Checked;
    // A new choice goes last on the page; the others keep their places.
    if (chosen && !m_chosen.contains(id))
        m_chosen.append(id);
    else if (!chosen)
        m_chosen.removeAll(id);
}

client::PublicStatusSettings PublicStatusDialog::settings() const
{
    client::PublicStatusSettings s;
    s.enabled = m_enabled->isChecked();
    s.title = m_title->text().trimmed();
    s.showAddresses = m_showAddresses->isChecked();
    QHash<QString, QString> displayNames;
    for (int row = 0; row < m_nodes->rowCount(); ++row) {
        const QTableWidgetItem *name = m_nodes->item(row, DisplayNameColumn);
        displayNames.insert(m_nodes->item(row, NodeColumn)->data(kPublicNodeIdRole).toString(),
                            name ? name->text().trimmed() : QString());
    }
    for (const QString &id : m_chosen)
        s.nodes.append({id, displayNames.value(id)});
    return s;
}

void PublicStatusDialog::submit()
{
    if (!m_client || m_sending || isLoading() || m_loadFailed)
        return;
    m_sending = true;
    setFieldError(m_error, {});
    updateState();
    client::PublicStatusApi(*m_client).save(
        settings(), client::within(this, [this](Result<client::PublicStatusSettings> r) {
            m_sending = false;
            if (!r) {
                showError(r.error());
                updateState();
                return;
            }
            m_saved = *r;
            accept();
        }));
}

void PublicStatusDialog::showError(const hm::Error &error)
{
    QString text = describeApiErrorSentence(error);
    // The field the server names and its rule (in the server's words) say
    // what to change; the sentence alone would not.
    const QString field = error.details.value(QStringLiteral("field")).toString();
    const QHash<QString, QString> fields{{QStringLiteral("title"), tr("Title")},
                                         {QStringLiteral("display_name"), tr("Display name")},
                                         {QStringLiteral("nodes"), tr("Nodes")}};
    if (error.code == ErrorCode::ValidationError && fields.contains(field) &&
        !error.message.isEmpty())
        //: A field the server refused and its rule: "Title: at most 100 characters..."
        text += u'\n' + tr("%1: %2").arg(fields.value(field), error.message);
    setFieldError(m_error, text);
    m_error->setToolTip(serverErrorDetail(error.codeName(), error.message));
}

void PublicStatusDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void PublicStatusDialog::retranslateUi()
{
    setWindowTitle(tr("Public status"));
    m_intro->setText(tr("A read-only page of chosen nodes for people without an account: their "
                        "status, usage and availability."));
    m_enabled->setText(tr("&Public status page on"));
    m_enabledNote->setText(tr("When on, anyone who can reach this server can see the chosen "
                              "nodes without signing in."));
    m_titleLabel->setText(tr("&Title:"));
    m_title->setPlaceholderText(tr("Shown at the top of the page"));
    m_showAddresses->setText(tr("Show IP &addresses"));
    m_addressWarning->setText(tr("Warning: the page then shows every chosen node's IP address "
                                 "to anyone who opens it."));
    m_nodesLabel->setText(tr("&Nodes on the page (ticked), in this order; new ones go last:"));
    m_nodes->setHorizontalHeaderLabels({tr("Node"), tr("Display name")});
    m_nodes->horizontalHeaderItem(DisplayNameColumn)
        ->setToolTip(tr("Shown instead of the node's name; empty: the node's name."));
    m_urlLabel->setText(tr("Page &address:"));
    m_copyUrl->setText(tr("&Copy"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    updateState();
}

void PublicStatusDialog::updateState()
{
    const bool ready = m_client && !isLoading() && !m_loadFailed && !m_sending;
    for (QWidget *input :
         {static_cast<QWidget *>(m_enabled), static_cast<QWidget *>(m_title),
          static_cast<QWidget *>(m_showAddresses), static_cast<QWidget *>(m_nodes)})
        input->setEnabled(ready);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(ready);
    // The address answers "not found" while the page is off.
    const bool on = m_enabled->isChecked();
    m_url->setEnabled(ready && on);
    m_copyUrl->setEnabled(ready && on);
    m_urlNote->setText(on ? tr("The page in the visitor's language, live; its data as JSON for "
                               "a monitor is at /public/api/v1/status.")
                          : tr("The page is off: this address answers \"not found\" until it is "
                               "turned on."));
    if (!m_client)
        m_state->setText(tr("Sign in first."));
    else if (isLoading())
        m_state->setText(tr("Reading the settings and the fleet's nodes..."));
    else if (m_sending)
        m_state->setText(tr("Saving..."));
    else
        m_state->setText({});
    m_state->setVisible(!m_state->text().isEmpty());
}

} // namespace hm::app
