#include "operations/StorageWarning.h"

#include "client/ApiClient.h"
#include "client/ApiRequest.h"
#include "client/Within.h"
#include "widgets/ByteSizeText.h"
#include "widgets/LiveEvents.h"

#include <QEvent>
#include <QLocale>
#include <QStyle>

namespace hm::app {

StorageWarning::StorageWarning(QWidget *parent) : QLabel(parent), m_events(new LiveEvents(this))
{
    setObjectName(QStringLiteral("status.storage"));
    setContentsMargins(0, 0, 8, 0);
    hide();
    connect(m_events, &LiveEvents::message, this,
            [this](const QString &type, const QJsonObject &data) {
                if (type == QLatin1String("storage_state"))
                    showState(data);
            });
    // A drop may have hidden a change: read the state again.
    connect(m_events, &LiveEvents::reopened, this, &StorageWarning::read);
}

void StorageWarning::setClient(hm::client::ApiClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    m_filesystem = {};
    refresh();
    m_events->setClient(client);
    read();
}

void StorageWarning::read()
{
    if (!m_client)
        return;
    m_client->send(
        hm::client::ApiRequest::get(QStringLiteral("/api/v1/system/storage")),
        hm::client::within(this, [this](Result<hm::client::ApiResponse> r) {
            if (r)
                showState(r.value().data.toObject().value(QStringLiteral("filesystem")).toObject());
        }));
}

void StorageWarning::showState(const QJsonObject &filesystem)
{
    m_filesystem = filesystem;
    refresh();
}

void StorageWarning::refresh()
{
    const QString current = state();
    const QString free =
        ByteSizeText::format(m_filesystem.value(QStringLiteral("free_bytes")).toInteger());
    if (current == QLatin1String("full")) {
        setText(tr("Server disk full (%1 free): new executions are refused").arg(free));
        setProperty("tone", QStringLiteral("bad"));
    } else if (current == QLatin1String("low")) {
        setText(tr("Server disk almost full: %1 free").arg(free));
        setProperty("tone", QStringLiteral("bad"));
    } else {
        clear();
        setProperty("tone", QVariant());
    }
    style()->unpolish(this);
    style()->polish(this);
    setVisible(!text().isEmpty());
}

void StorageWarning::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

} // namespace hm::app
