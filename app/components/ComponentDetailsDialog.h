#pragma once

#include "client/ComponentsApi.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Fills `combo` with "No icon" and every icon the console draws (with its
// picture); a stored value it does not know is kept as its own item, so
// saving other fields leaves it alone. Selects `current`.
void fillComponentIconCombo(QComboBox *combo, const QString &current);

// Edits a registered component's name-level fields (display name,
// description, category, icon; every version shares them) and saves them
// with PATCH /api/v1/components/{name}: only the fields changed are sent.
// The server's refusal is shown under the field it names (worded again on
// a language switch) and the dialog stays open. objectName
// components.details; fields components.details.{displayName,category,
// icon,description}, each with its error line <field>.error, the line for
// errors of no field components.details.error, the button
// components.details.save.
class ComponentDetailsDialog final : public QDialog
{
    Q_OBJECT

public:
    ComponentDetailsDialog(client::ApiClient *client, const client::ComponentInfo &component,
                           const QStringList &categories, QWidget *parent = nullptr);

    // Every version of the name as the server answered, after a save.
    const QList<client::ComponentInfo> &saved() const { return m_saved; }
    client::ComponentDetails changes() const;

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QString errorText(const hm::Error &error) const;
    void showError(const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::ComponentInfo m_component;
    QList<client::ComponentInfo> m_saved;
    QLabel *m_intro = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_displayName = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_icon = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_displayNameLabel = nullptr;
    QLabel *m_categoryLabel = nullptr;
    QLabel *m_iconLabel = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QLabel *m_displayNameError = nullptr;
    QLabel *m_categoryError = nullptr;
    QLabel *m_iconError = nullptr;
    QLabel *m_descriptionError = nullptr;
    QLabel *m_error = nullptr; // what concerns no one field
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_save = nullptr;
    bool m_busy = false;
};

} // namespace hm::app
