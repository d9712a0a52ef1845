#include "fleet/NodeNginxView.h"

#include "client/RemoteApi.h"
#include "client/Within.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// A message's tone, restyled at once (the style sheet matches on it).
void setNginxTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

enum NginxSiteColumn
{
    EnabledColumn,
    NameColumn,
    ServerNamesColumn,
    ListenColumn,
    NginxSiteColumnCount
};

QPushButton *nginxButton(QWidget *parent, const char *objectName)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(QLatin1String(objectName));
    return button;
}

// nginx's refusal, in its own words (it names the file and the line).
bool isNginxRefusal(const hm::Error &error)
{
    return error.details.value(QStringLiteral("code")).toString() ==
           QLatin1String("NGINX_CONFIG_INVALID");
}

} // namespace

template <typename T, typename F> auto NodeNginxView::track(F &&done)
{
    ++m_pending;
    updateActions();
    return client::within(this, [this, generation = m_generation,
                                 done = std::forward<F>(done)](Result<T> result) mutable {
        --m_pending;
        if (generation == m_generation) {
            ++m_answers;
            done(std::move(result));
        }
        updateActions();
    });
}

NodeNginxView::NodeNginxView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.nginx"));
    auto *outer = new QVBoxLayout(this);
    // As the Files and Processes tabs: flush with the tab's edges (the
    // layout's default margins indented the content by 9 px more).
    outer->setContentsMargins(0, 6, 0, 0);
    m_stack = new QStackedWidget(this);
    m_content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *statusRow = new QHBoxLayout;
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("nodes.nginx.state"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setWordWrap(true);
    statusRow->addWidget(m_state, 1);
    m_start = nginxButton(this, "nodes.nginx.start");
    m_stop = nginxButton(this, "nodes.nginx.stop");
    m_reload = nginxButton(this, "nodes.nginx.reload");
    m_restart = nginxButton(this, "nodes.nginx.restart");
    for (QPushButton *button : {m_start, m_stop, m_reload, m_restart})
        statusRow->addWidget(button);
    layout->addLayout(statusRow);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("nodes.nginx.message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
    });

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_sitesTitle = new QLabel(left);
    m_sitesTitle->setObjectName(QStringLiteral("nodes.nginx.sitesTitle"));
    leftLayout->addWidget(m_sitesTitle);
    m_table = new QTableWidget(0, NginxSiteColumnCount, left);
    m_table->setObjectName(QStringLiteral("nodes.nginx.sites"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(m_table->horizontalHeader());
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    leftLayout->addWidget(m_table, 1);
    auto *siteButtons = new QHBoxLayout;
    m_new = nginxButton(left, "nodes.nginx.newSite");
    m_edit = nginxButton(left, "nodes.nginx.editSite");
    m_delete = nginxButton(left, "nodes.nginx.deleteSite");
    m_mainConfig = nginxButton(left, "nodes.nginx.editConfig");
    for (QPushButton *button : {m_new, m_edit, m_delete, m_mainConfig})
        siteButtons->addWidget(button);
    siteButtons->addStretch(1);
    leftLayout->addLayout(siteButtons);
    m_certificateTitle = new QLabel(left);
    m_certificateTitle->setObjectName(QStringLiteral("nodes.nginx.certificateTitle"));
    leftLayout->addWidget(m_certificateTitle);
    m_certificateText = new QLabel(left);
    m_certificateText->setObjectName(QStringLiteral("nodes.nginx.certificate"));
    m_certificateText->setWordWrap(true);
    m_certificateText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leftLayout->addWidget(m_certificateText);
    m_certificateText->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *certificateRow = new QHBoxLayout;
    m_generate = nginxButton(left, "nodes.nginx.generateCertificate");
    certificateRow->addWidget(m_generate);
    certificateRow->addStretch(1);
    leftLayout->addLayout(certificateRow);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_editorTitle = new QLabel(right);
    m_editorTitle->setObjectName(QStringLiteral("nodes.nginx.editorTitle"));
    rightLayout->addWidget(m_editorTitle);
    auto *nameRow = new QHBoxLayout;
    m_nameLabel = new QLabel(right);
    m_name = new QLineEdit(right);
    m_name->setObjectName(QStringLiteral("nodes.nginx.siteName"));
    m_name->setMaxLength(64);
    m_nameLabel->setBuddy(m_name);
    nameRow->addWidget(m_nameLabel);
    nameRow->addWidget(m_name, 1);
    rightLayout->addLayout(nameRow);
    m_editor = new QPlainTextEdit(right);
    m_editor->setObjectName(QStringLiteral("nodes.nginx.editor"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(false);
    rightLayout->addWidget(m_editor, 1);
    m_editorError = new QLabel(right);
    m_editorError->setObjectName(QStringLiteral("nodes.nginx.editorError"));
    m_editorError->setWordWrap(true);
    m_editorError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The style sheet's tones are "bad" and "good": "error" drew nginx's
    // refusal in plain text.
    m_editorError->setProperty("tone", QStringLiteral("bad"));
    m_editorError->hide();
    rightLayout->addWidget(m_editorError);
    auto *editorButtons = new QHBoxLayout;
    editorButtons->addStretch(1);
    m_cancel = nginxButton(right, "nodes.nginx.cancel");
    m_save = nginxButton(right, "nodes.nginx.save");
    m_save->setDefault(true);
    editorButtons->addWidget(m_cancel);
    editorButtons->addWidget(m_save);
    rightLayout->addLayout(editorButtons);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    m_stack->addWidget(m_content);
    m_empty = new SectionEmptyState(QStringLiteral("nodes.nginx"), m_stack);
    m_stack->addWidget(m_empty);
    outer->addWidget(m_stack, 1);

    connect(m_start, &QPushButton::clicked, this, [this] { control(QStringLiteral("start")); });
    connect(m_stop, &QPushButton::clicked, this, [this] { control(QStringLiteral("stop")); });
    connect(m_reload, &QPushButton::clicked, this, [this] { control(QStringLiteral("reload")); });
    connect(m_restart, &QPushButton::clicked, this, [this] { control(QStringLiteral("restart")); });
    connect(m_new, &QPushButton::clicked, this, &NodeNginxView::newSite);
    connect(m_edit, &QPushButton::clicked, this, &NodeNginxView::editSelectedSite);
    connect(m_delete, &QPushButton::clicked, this, &NodeNginxView::deleteSelectedSite);
    connect(m_mainConfig, &QPushButton::clicked, this, &NodeNginxView::editMainConfig);
    connect(m_save, &QPushButton::clicked, this, &NodeNginxView::save);
    connect(m_cancel, &QPushButton::clicked, this, &NodeNginxView::cancelEdit);
    connect(m_generate, &QPushButton::clicked, this, &NodeNginxView::generateCertificate);
    connect(m_empty->action(), &QPushButton::clicked, this, &NodeNginxView::reload);
    connect(m_table, &QTableWidget::itemChanged, this, &NodeNginxView::siteToggled);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        updateActions();
        readCertificate();
    });
    connect(m_table, &QTableWidget::itemDoubleClicked, this, &NodeNginxView::editSelectedSite);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &NodeNginxView::updateActions);
    connect(m_name, &QLineEdit::textChanged, this, &NodeNginxView::updateActions);

    retranslateUi();
    updateActions();
}

void NodeNginxView::setClient(client::ApiClient *client)
{
    m_client = client;
}

bool NodeNginxView::isOnline() const
{
    return m_node && m_node->status == QLatin1String("online");
}

void NodeNginxView::setNode(const client::NodeRow *node)
{
    const QString before = m_node ? m_node->id : QString();
    const bool wasOnline = isOnline();
    if (node)
        m_node = *node;
    else
        m_node.reset();
    if ((node ? node->id : QString()) == before) {
        if (wasOnline == isOnline())
            return; // another field of the row (last seen, labels)
        // The agent went or came back: what is shown is stale either way.
        ++m_generation;
        m_loaded = false;
        m_agentGone = false;
        clearMessage();
        showState();
        if (isVisible() && isOnline())
            reload();
        return;
    }
    ++m_generation; // answers about the previous node are dropped
    m_loaded = false;
    m_agentGone = false;
    m_status = {};
    m_sites.clear();
    m_certificate.reset();
    m_certificateError.reset();
    m_editing = Editing::Nothing;
    m_editor->clear();
    m_name->clear();
    m_editorError->hide();
    clearMessage();
    showStatus();
    showSites();
    showCertificate();
    retranslateUi();
    if (isVisible())
        reload();
    showState();
}

void NodeNginxView::reload()
{
    if (!m_client || !m_node)
        return;
    if (!isOnline()) {
        showState();
        return;
    }
    client::RemoteApi api(*m_client);
    const QString nodeId = m_node->id;
    api.nginxStatus(nodeId, track<client::NginxStatus>([this](Result<client::NginxStatus> r) {
                        if (!r)
                            return fail(r.error());
                        m_status = r.value();
                        m_loaded = true;
                        if (m_agentGone) {
                            m_agentGone = false;
                            showState();
                        }
                        showStatus();
                    }));
    api.nginxSites(nodeId,
                   track<QList<client::NginxSite>>([this](Result<QList<client::NginxSite>> r) {
                       if (!r)
                           return fail(r.error());
                       m_sites = r.value();
                       showSites();
                   }));
}

void NodeNginxView::control(const QString &verb)
{
    if (!m_client || !m_node)
        return;
    if (verb == u"stop" &&
        !MessageBox::confirm(this, tr("Stop nginx"),
                             tr("Stop nginx on %1? Every site it serves goes down until "
                                "nginx is started again.")
                                 .arg(m_node->name),
                             tr("Stop"), QStringLiteral("nodes.nginx.confirmStop")))
        return;
    clearMessage();
    client::RemoteApi(*m_client).nginxControl(
        m_node->id, verb, track<client::NginxStatus>([this, verb](Result<client::NginxStatus> r) {
            if (!r)
                return fail(r.error());
            say([verb] {
                return verb == u"start"     ? tr("nginx started.")
                       : verb == u"stop"    ? tr("nginx stopped.")
                       : verb == u"restart" ? tr("nginx restarted.")
                                            : tr("nginx reloaded its configuration.");
            });
            reload();
        }));
}

void NodeNginxView::newSite()
{
    m_editing = Editing::NewSite;
    m_editingName.clear();
    m_editingSha.clear();
    m_name->clear();
    m_editor->setPlainText(QStringLiteral("server {\n    listen 80;\n    server_name "
                                          "example.com;\n    root /var/www/html;\n}\n"));
    m_editorError->hide();
    retranslateUi();
    updateActions();
    m_name->setFocus();
}

void NodeNginxView::editSelectedSite()
{
    const QString name = selectedSite();
    if (!m_client || !m_node || name.isEmpty())
        return;
    client::RemoteApi(*m_client).nginxSite(
        m_node->id, name, track<client::NginxSite>([this](Result<client::NginxSite> r) {
            if (!r)
                return fail(r.error());
            m_editing = Editing::Site;
            m_editingName = r->name;
            m_editingSha = r->sha256;
            m_name->setText(r->name);
            m_editor->setPlainText(r->content);
            m_editorError->hide();
            retranslateUi();
            updateActions();
        }));
}

void NodeNginxView::editMainConfig()
{
    if (!m_client || !m_node)
        return;
    client::RemoteApi(*m_client).nginxConfig(
        m_node->id, track<client::NginxConfig>([this](Result<client::NginxConfig> r) {
            if (!r)
                return fail(r.error());
            m_editing = Editing::MainConfig;
            m_editingName = r->path;
            m_editingSha = r->sha256;
            m_name->setText(r->path);
            m_editor->setPlainText(r->content);
            m_editorError->hide();
            retranslateUi();
            updateActions();
        }));
}

void NodeNginxView::deleteSelectedSite()
{
    const QString name = selectedSite();
    if (!m_client || !m_node || name.isEmpty())
        return;
    if (!MessageBox::confirm(
            this, tr("Delete site"),
            tr("Delete the site \"%1\" from %2? Its file in sites-available and its link in "
               "sites-enabled are removed and nginx reloads.")
                .arg(name, m_node->name),
            tr("Delete"), QStringLiteral("nodes.nginx.confirmDelete"),
            MessageBox::Confirm::Destructive))
        return;
    client::RemoteApi(*m_client).deleteNginxSite(
        m_node->id, name, track<void>([this, name](Status r) {
            if (!r)
                return fail(r.error());
            if (m_editing == Editing::Site && m_editingName == name)
                cancelEdit();
            say([name] { return tr("Site \"%1\" deleted.").arg(name); });
            reload();
        }));
}

void NodeNginxView::save()
{
    if (!m_client || !m_node || m_editing == Editing::Nothing)
        return;
    const QString text = m_editor->toPlainText();
    const auto saved = [this](Status r) {
        if (!r) {
            if (isNginxRefusal(r.error())) {
                // The text stays for the operator to fix; the node kept
                // its previous file.
                const QString output = r.error().details.value(QStringLiteral("output")).toString();
                m_editorError->setText(
                    tr("nginx refused this configuration; nothing was changed on the node.") +
                    QStringLiteral("\n") + (output.isEmpty() ? r.error().message : output));
            } else {
                m_editorError->setText(describeApiErrorSentence(r.error()));
            }
            m_editorError->show();
            return;
        }
        const bool mainConfig = m_editing == Editing::MainConfig;
        const QString name = m_name->text();
        m_editing = Editing::Nothing;
        m_editor->clear();
        m_name->clear();
        m_editorError->hide();
        retranslateUi();
        say([mainConfig, name] {
            return tr("%1 saved; nginx -t accepted it.")
                .arg(mainConfig ? tr("The main configuration") : name);
        });
        reload();
    };
    client::RemoteApi api(*m_client);
    switch (m_editing) {
    case Editing::NewSite:
        api.createNginxSite(m_node->id, m_name->text().trimmed(), text, track<void>(saved));
        break;
    case Editing::Site:
        api.saveNginxSite(m_node->id, m_editingName, text, m_editingSha, track<void>(saved));
        break;
    case Editing::MainConfig:
        api.saveNginxConfig(m_node->id, text, m_editingSha, track<void>(saved));
        break;
    case Editing::Nothing:
        break;
    }
}

void NodeNginxView::cancelEdit()
{
    m_editing = Editing::Nothing;
    m_editor->clear();
    m_name->clear();
    m_editorError->hide();
    retranslateUi();
    updateActions();
}

void NodeNginxView::generateCertificate()
{
    const QString domain = selectedDomain();
    if (!m_client || !m_node || domain.isEmpty())
        return;
    // Replacing a certificate made here before is the point of asking again.
    const bool overwrite = m_certificate && m_certificate->site.isEmpty();
    client::RemoteApi(*m_client).generateNginxCertificate(
        m_node->id, domain, overwrite,
        track<client::NginxCertificate>([this, domain](Result<client::NginxCertificate> r) {
            if (!r)
                return fail(r.error());
            m_certificate = r.value();
            m_certificateError.reset();
            showCertificate();
            say([domain, path = r->path] {
                return tr("A self-signed certificate for %1 was created: %2").arg(domain, path);
            });
        }));
}

void NodeNginxView::readCertificate()
{
    const QString domain = selectedDomain();
    m_certificate.reset();
    m_certificateError.reset();
    showCertificate();
    if (!m_client || !m_node || domain.isEmpty())
        return;
    client::RemoteApi(*m_client).nginxCertificate(
        m_node->id, domain,
        track<client::NginxCertificate>([this, domain](Result<client::NginxCertificate> r) {
            if (domain != selectedDomain())
                return;
            if (r)
                m_certificate = r.value();
            else
                m_certificateError = r.error();
            showCertificate();
        }));
}

void NodeNginxView::siteToggled(QTableWidgetItem *item)
{
    if (m_showingSites || !item || item->column() != EnabledColumn || !m_client || !m_node)
        return;
    const QString name = item->data(Qt::UserRole).toString();
    const bool enabled = item->checkState() == Qt::Checked;
    client::RemoteApi(*m_client).setNginxSiteEnabled(
        m_node->id, name, enabled, track<void>([this, name, enabled](Status r) {
            if (!r)
                fail(r.error());
            else
                say([enabled, name] {
                    return enabled ? tr("Site \"%1\" enabled; nginx reloaded.").arg(name)
                                   : tr("Site \"%1\" disabled; nginx reloaded.").arg(name);
                });
            reload(); // the check box shows what the node has either way
        }));
}

void NodeNginxView::showStatus()
{
    if (!m_node) {
        m_state->setText(tr("No node selected"));
        return;
    }
    if (!m_loaded) {
        m_state->setText(tr("Reading nginx's state…"));
        return;
    }
    QString text = m_status.running ? tr("Running (pid %1)").arg(m_status.pid) : tr("Stopped");
    if (!m_status.version.isEmpty())
        text += QStringLiteral(" · ") + tr("nginx %1").arg(m_status.version);
    text += QStringLiteral(" · ") +
            (m_status.configOk ? tr("configuration test passed") : tr("configuration test fails"));
    m_state->setText(text);
    m_state->setToolTip(m_status.configTest);
}

void NodeNginxView::showSites()
{
    const QString selected = selectedSite();
    m_showingSites = true;
    m_table->setRowCount(int(m_sites.size()));
    for (int row = 0; row < m_sites.size(); ++row) {
        const client::NginxSite &site = m_sites.at(row);
        auto *enabled = new QTableWidgetItem;
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        enabled->setCheckState(site.enabled ? Qt::Checked : Qt::Unchecked);
        enabled->setData(Qt::UserRole, site.name);
        m_table->setItem(row, EnabledColumn, enabled);
        const QStringList texts{site.name, site.serverNames.join(QStringLiteral(" ")),
                                site.listen.join(QStringLiteral(", "))};
        for (int column = NameColumn; column < NginxSiteColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts.at(column - NameColumn));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setData(Qt::UserRole, site.name);
            m_table->setItem(row, column, item);
        }
        if (site.name == selected)
            m_table->selectRow(row);
    }
    m_table->resizeColumnToContents(NameColumn);
    m_showingSites = false;
    updateActions();
}

void NodeNginxView::showCertificate()
{
    const QString domain = selectedDomain();
    // Disabled, never hidden: the row keeps its place and its neighbours
    // theirs.
    m_generate->setToolTip(
        domain.isEmpty() ? tr("Select a site with a server name to make a certificate for it.")
                         : QString());
    if (domain.isEmpty()) {
        m_certificateText->setText(tr("Select a site with a server name to see its "
                                      "certificate."));
        return;
    }
    if (m_certificateError) {
        m_certificateText->setText(m_certificateError->code == ErrorCode::ResourceNotFound
                                       ? tr("No site names a certificate for %1.").arg(domain)
                                       : describeApiErrorSentence(*m_certificateError));
        return;
    }
    if (!m_certificate) {
        m_certificateText->setText(tr("Reading the certificate for %1…").arg(domain));
        return;
    }
    const client::NginxCertificate &c = *m_certificate;
    QString text = tr("%1: issued to %2 by %3").arg(domain, c.subject, c.issuer);
    text += QStringLiteral("\n") +
            tr("Valid %1 to %2").arg(dateText(c.notBefore), dateText(c.notAfter));
    text += QStringLiteral("\n") + (c.expired ? tr("Expired %n day(s) ago", nullptr, -c.daysLeft)
                                              : tr("%n day(s) left", nullptr, c.daysLeft));
    if (c.selfSigned)
        text += QStringLiteral(" · ") + tr("self-signed");
    if (!c.sans.isEmpty())
        text += QStringLiteral("\n") + tr("Names: %1").arg(c.sans.join(QStringLiteral(", ")));
    m_certificateText->setText(text);
    m_certificateText->setToolTip(c.path);
}

void NodeNginxView::showState()
{
    SectionEmptyState::Content content;
    if (!m_node) {
        content.title = tr("No node selected");
        content.text = tr("Select a node to see its nginx.");
    } else if (!isOnline() || m_agentGone) {
        content.title = tr("The node is offline");
        content.text = tr("Its nginx is read from its agent: it shows here when the agent "
                          "connects again.");
        if (isOnline())
            content.action = tr("Retry");
    }
    if (content.title.isEmpty()) {
        m_stack->setCurrentWidget(m_content);
    } else {
        m_empty->setContent(content);
        m_stack->setCurrentWidget(m_empty);
    }
    updateActions();
}

void NodeNginxView::updateActions()
{
    const bool ready = m_client && isOnline() && !m_agentGone && m_loaded;
    const bool hasSite = !selectedSite().isEmpty();
    m_start->setEnabled(ready && !m_status.running);
    m_stop->setEnabled(ready && m_status.running);
    m_reload->setEnabled(ready && m_status.running);
    m_restart->setEnabled(ready);
    m_new->setEnabled(ready);
    m_edit->setEnabled(ready && hasSite);
    m_delete->setEnabled(ready && hasSite);
    m_mainConfig->setEnabled(ready);
    m_generate->setEnabled(ready && !selectedDomain().isEmpty());
    const bool editing = m_editing != Editing::Nothing;
    m_editor->setEnabled(editing);
    m_name->setVisible(editing);
    m_nameLabel->setVisible(editing);
    m_name->setReadOnly(m_editing != Editing::NewSite);
    m_save->setEnabled(editing &&
                       (m_editing != Editing::NewSite || !m_name->text().trimmed().isEmpty()));
    m_cancel->setEnabled(editing);
}

void NodeNginxView::fail(const hm::Error &error)
{
    if (error.code == ErrorCode::NodeOffline) {
        // Not a failure of nginx: the agent is not there to ask.
        m_agentGone = true;
        m_loaded = false;
        clearMessage();
        showState();
        return;
    }
    setNginxTone(m_message, QStringLiteral("bad"));
    m_messageLine->show(
        [error] {
            return describeApiErrorSentence(error) +
                   (isNginxRefusal(error) ? QStringLiteral("\n") + error.message : QString());
        },
        MessageLine::Kind::Lasting);
}

void NodeNginxView::say(MessageLine::Text text)
{
    setNginxTone(m_message, QStringLiteral("good"));
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void NodeNginxView::clearMessage()
{
    m_messageLine->clear();
}

QString NodeNginxView::selectedSite() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Qt::UserRole).toString();
}

// The selected site's first real server name ("_" and wildcards are no
// certificate's name here).
QString NodeNginxView::selectedDomain() const
{
    const QString name = selectedSite();
    for (const client::NginxSite &site : m_sites) {
        if (site.name != name)
            continue;
        for (const QString &serverName : site.serverNames)
            if (serverName != u"_" && !serverName.startsWith(u'~') && !serverName.contains(u'*') &&
                serverName.contains(u'.'))
                return serverName.toLower();
    }
    return {};
}

void NodeNginxView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeNginxView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded && m_pending == 0)
        reload();
}

void NodeNginxView::retranslateUi()
{
    m_start->setText(tr("Start"));
    m_stop->setText(tr("Stop"));
    m_reload->setText(tr("Reload"));
    m_restart->setText(tr("Restart"));
    m_sitesTitle->setText(tr("Sites"));
    m_table->setHorizontalHeaderLabels(
        {tr("Enabled"), tr("Name"), tr("Server names"), tr("Listens on")});
    m_new->setText(tr("New site"));
    m_edit->setText(tr("Edit"));
    m_delete->setText(tr("Delete…"));
    m_mainConfig->setText(tr("Main configuration"));
    m_certificateTitle->setText(tr("TLS certificate"));
    m_generate->setText(tr("Generate self-signed"));
    // Room for a certificate's lines (issued, valid, days left, names)
    // whatever is selected, so that the buttons above do not move as it
    // changes: four lines as tall as this language's (Chinese lines are
    // taller than the font's own line spacing).
    const QString sample = tr("No site names a certificate for %1.").arg(QStringLiteral("a"));
    const int line = m_certificateText->fontMetrics()
                         .boundingRect(QRect(0, 0, 100000, 1000), Qt::AlignLeft, sample)
                         .height();
    m_certificateText->setMinimumHeight(4 * line);
    m_nameLabel->setText(m_editing == Editing::MainConfig ? tr("File:") : tr("Site name:"));
    m_save->setText(tr("Save and test"));
    m_cancel->setText(tr("Cancel"));
    switch (m_editing) {
    case Editing::Nothing:
        m_editorTitle->setText(tr("Choose a site to edit, or New site"));
        break;
    case Editing::NewSite:
        m_editorTitle->setText(tr("New site"));
        break;
    case Editing::Site:
        m_editorTitle->setText(tr("Site \"%1\"").arg(m_editingName));
        break;
    case Editing::MainConfig:
        m_editorTitle->setText(tr("Main configuration"));
        break;
    }
    showStatus();
    showCertificate();
    showState();
}

} // namespace hm::app
