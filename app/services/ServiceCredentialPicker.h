#pragma once

#include <QComboBox>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The credential a service signs its calls in with, as the new-service
// wizard and the edit dialog offer it: "None", then the vault's
// credentials of the types that can sign a call in (HTTP basic, bearer
// token, API key, OAuth2), by name and type; item data is the id ("" for
// none). A linked credential this user cannot read is kept as an item of
// its own, so that saving without touching the picker keeps the link.
class ServiceCredentialPicker final : public QComboBox
{
    Q_OBJECT

public:
    explicit ServiceCredentialPicker(QWidget *parent = nullptr);

    // Reads the credentials and selects `selectId` ("" = None).
    void load(client::ApiClient *client, const QString &selectId = {});
    QString selectedId() const { return currentData().toString(); }
    bool isLoading() const { return m_loading; }
    // Why the list could not be read ("" when it could).
    QString errorText() const { return m_error; }

signals:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_error;
    QString m_unreadableId; // the linked credential not in the list
    bool m_loading = false;
};

} // namespace hm::app
