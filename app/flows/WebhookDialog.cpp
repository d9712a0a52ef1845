#include "flows/WebhookDialog.h"

#include "client/ApiClient.h"
#include "client/FlowsApi.h"
#include "client/Within.h"
#include "flows/FlowErrorText.h"
#include "widgets/MessageBox.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

WebhookDialog::WebhookDialog(client::ApiClient *client, const QString &flowId,
                             const QString &flowName, QWidget *parent)
    : QDialog(parent), m_client(client), m_flowId(flowId), m_flowName(flowName),
      m_intro(new QLabel), m_state(new QLabel), m_urlField(new QLineEdit), m_copy(new QPushButton),
      m_create(new QPushButton), m_remove(new QPushButton), m_message(new QLabel),
      m_close(new QPushButton)
{
    setObjectName(QStringLiteral("flows.webhookDialog"));
    m_intro->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("flows.webhook.state"));
    m_state->setWordWrap(true);
    m_urlField->setObjectName(QStringLiteral("flows.webhook.url"));
    m_urlField->setReadOnly(true);
    m_urlField->setMinimumWidth(480);
    m_copy->setObjectName(QStringLiteral("flows.webhook.copy"));
    m_create->setObjectName(QStringLiteral("flows.webhook.create"));
    m_remove->setObjectName(QStringLiteral("flows.webhook.remove"));
    m_message->setObjectName(QStringLiteral("flows.webhook.message"));
    m_message->setWordWrap(true);
    m_message->setProperty("tone", QStringLiteral("bad"));
    m_close->setObjectName(QStringLiteral("flows.webhook.close"));

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_urlField, 1);
    urlRow->addWidget(m_copy);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_create);
    actions->addWidget(m_remove);
    actions->addStretch(1);
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_state);
    layout->addLayout(urlRow);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_copy, &QPushButton::clicked, this, &WebhookDialog::copy);
    connect(m_create, &QPushButton::clicked, this, &WebhookDialog::create);
    connect(m_remove, &QPushButton::clicked, this, &WebhookDialog::remove);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_message->hide();
    retranslate();
    refresh();
}

QString WebhookDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void WebhookDialog::callEnded()
{
    --m_busy;
    updateState();
    emit callFinished();
}

void WebhookDialog::refresh()
{
    if (!m_client)
        return;
    ++m_busy;
    updateState();
    client::FlowsApi(*m_client).webhook(
        m_flowId, client::within(this, [this](Result<client::FlowWebhook> result) {
            if (result) {
                m_enabled = result.value().enabled;
                m_known = true;
            } else {
                showError(result.error());
            }
            callEnded();
        }));
}

void WebhookDialog::create()
{
    if (!m_client || isBusy())
        return;
    if (m_enabled &&
        !MessageBox::confirm(this, tr("Regenerate Webhook URL"),
                             tr("Regenerate the webhook URL of “%1”? The current URL stops "
                                "working at once: every system that calls it needs the new one.")
                                 .arg(m_flowName),
                             tr("Regenerate"), QStringLiteral("flows.confirmRegenerateWebhook"),
                             MessageBox::Confirm::Destructive))
        return;
    ++m_busy;
    m_message->hide();
    updateState();
    client::FlowsApi(*m_client).createWebhook(
        m_flowId, client::within(this, [this](Result<client::FlowWebhook> result) {
            if (result) {
                m_enabled = true;
                m_known = true;
                QUrl url = m_client ? m_client->baseUrl() : QUrl();
                url.setPath(result.value().path);
                m_url = url.toString();
            } else {
                showError(result.error());
            }
            callEnded();
        }));
}

void WebhookDialog::remove()
{
    if (!m_client || isBusy() || !m_enabled)
        return;
    if (!MessageBox::confirm(
            this, tr("Remove Webhook"),
            tr("Remove the webhook of “%1”? Its URL stops working at once.").arg(m_flowName),
            tr("Remove"), QStringLiteral("flows.confirmRemoveWebhook"),
            MessageBox::Confirm::Destructive))
        return;
    ++m_busy;
    m_message->hide();
    updateState();
    client::FlowsApi(*m_client).removeWebhook(m_flowId, client::within(this, [this](Status result) {
                                                  if (result) {
                                                      m_enabled = false;
                                                      m_url.clear();
                                                  } else {
                                                      showError(result.error());
                                                  }
                                                  callEnded();
                                              }));
}

void WebhookDialog::copy()
{
    if (!m_url.isEmpty())
        QApplication::clipboard()->setText(m_url);
}

void WebhookDialog::updateState()
{
    const bool idle = !isBusy();
    if (!m_known)
        m_state->setText(idle ? QString() : tr("Reading the webhook…"));
    else if (!m_enabled)
        m_state->setText(tr("This flow has no webhook."));
    else if (m_url.isEmpty())
        m_state->setText(tr("This flow has a webhook. Its URL was shown when it was created and "
                            "cannot be shown again; regenerate it to get a new one."));
    else
        m_state->setText(tr("Copy the URL now: it is not shown again. A POST with a JSON body "
                            "starts the published version with the body as its inputs."));
    m_urlField->setText(m_url);
    m_urlField->setPlaceholderText(m_enabled ? tr("(hidden)") : QString());
    m_urlField->setVisible(m_enabled);
    m_copy->setVisible(m_enabled);
    m_copy->setEnabled(!m_url.isEmpty());
    m_create->setText(m_enabled ? tr("&Regenerate URL") : tr("&Create Webhook"));
    m_create->setEnabled(idle && m_known);
    m_remove->setVisible(m_enabled);
    m_remove->setEnabled(idle);
}

void WebhookDialog::showError(const hm::Error &error)
{
    m_message->setText(describeFlowError(error));
    m_message->show();
}

void WebhookDialog::retranslate()
{
    setWindowTitle(tr("Webhook of “%1”").arg(m_flowName));
    m_intro->setText(tr("A webhook lets systems that can only call a URL (CI, chat, monitoring) "
                        "start this flow without signing in. Whoever knows the URL can run the "
                        "flow."));
    m_copy->setText(tr("Copy"));
    m_remove->setText(tr("Re&move Webhook"));
    m_close->setText(tr("Close"));
    updateState();
}

void WebhookDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace hm::app
