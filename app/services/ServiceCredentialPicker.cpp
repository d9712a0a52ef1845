#include "services/ServiceCredentialPicker.h"

#include "client/ApiClient.h"
#include "client/CredentialsApi.h"
#include "client/Within.h"
#include "credentials/CredentialText.h"
#include "widgets/AdminText.h"

#include <QEvent>

namespace hm::app {

ServiceCredentialPicker::ServiceCredentialPicker(QWidget *parent) : QComboBox(parent)
{
    addItem(QString(), QString());
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslateUi();
}

void ServiceCredentialPicker::load(client::ApiClient *client, const QString &selectId)
{
    if (!client)
        return;
    m_loading = true;
    client::CredentialFilter filter;
    filter.page = {1, 100};
    client::CredentialsApi(*client).list(
        filter,
        client::within(this, [this, selectId](Result<client::Page<client::CredentialInfo>> r) {
            m_loading = false;
            while (count() > 1)
                removeItem(count() - 1);
            m_unreadableId.clear();
            m_error = r ? QString() : AdminText::error(r.error());
            if (r) {
                // Only the types that can sign a call in (docs/services.md).
                for (const client::CredentialInfo &c : r->items) {
                    if (c.type == QLatin1String("http_basic") ||
                        c.type == QLatin1String("http_bearer") ||
                        c.type == QLatin1String("api_key") || c.type == QLatin1String("oauth2"))
                        addItem(tr("%1 (%2)").arg(c.name, CredentialText::type(c.type)), c.id);
                }
            }
            if (!selectId.isEmpty() && findData(selectId) < 0) {
                m_unreadableId = selectId;
                addItem(QString(), selectId);
            }
            setCurrentIndex(std::max(0, findData(selectId)));
            retranslateUi();
            emit loaded();
        }));
}

void ServiceCredentialPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QComboBox::changeEvent(event);
}

void ServiceCredentialPicker::retranslateUi()
{
    setItemText(0, tr("None"));
    if (!m_unreadableId.isEmpty())
        setItemText(findData(m_unreadableId), tr("The linked credential (not readable by you)"));
}

} // namespace hm::app
