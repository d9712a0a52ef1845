#pragma once

#include <QDialog>

class QLabel;

namespace hm::app {

// Help > About HiveMind: the app's own flat logo (resources/icons/hivemind.svg,
// drawn crisp at any scale), the version and what the console is. Replaces
// QMessageBox::about, whose icon and layout did not match the console.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace hm::app
