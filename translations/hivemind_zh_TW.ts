<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>ActionText</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>AdminText</name>
    <message>
        <source>Administrator</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>檢視者</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已停權</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已刪除</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>唯讀</translation>
    </message>
    <message>
        <source>Read and write</source>
        <translation>讀寫</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Only administrators may create keys with administration access.</source>
        <translation>只有管理員可以建立具管理權限的金鑰。</translation>
    </message>
    <message>
        <source>The server refused this: your role (%1) may not do it. Ask an administrator.</source>
        <translation>伺服器拒絕了此操作：您的角色（%1）無權執行。請洽詢管理員。</translation>
    </message>
    <message>
        <source>The server refused this: your role may not do it. Ask an administrator.</source>
        <translation>伺服器拒絕了此操作：您的角色無權執行。請洽詢管理員。</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended.</source>
        <translation>您尚未登入此伺服器，或工作階段已結束。</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密碼錯誤。</translation>
    </message>
    <message>
        <source>The new password does not meet the server&apos;s password policy.</source>
        <translation>新密碼不符合伺服器的密碼原則。</translation>
    </message>
    <message>
        <source>The new password does not meet the server&apos;s password policy: %1</source>
        <translation>新密碼不符合伺服器的密碼原則：需要 %1</translation>
    </message>
    <message>
        <source>This e-mail address is already registered.</source>
        <translation>此電子郵件地址已被註冊。</translation>
    </message>
    <message>
        <source>This username or e-mail address is already taken.</source>
        <translation>此使用者名稱或電子郵件地址已被使用。</translation>
    </message>
    <message>
        <source>It no longer exists on the server.</source>
        <translation>伺服器上已不存在此項目。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>嘗試次數過多。請稍候再試。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>無法連線到伺服器。請檢查連線後再試一次。</translation>
    </message>
    <message>
        <source>The code is wrong or has expired. Enter the code your authenticator app shows now.</source>
        <translation>驗證碼錯誤或已過期。請輸入驗證器應用程式 目前顯示的驗證碼。</translation>
    </message>
    <message>
        <source>This would leave the server without an active administrator.</source>
        <translation>這會使伺服器沒有任何啟用中的管理員。</translation>
    </message>
    <message>
        <source>The server refused the value of &quot;%1&quot;: %2</source>
        <translation>伺服器拒絕了「%1」的值：%2</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>伺服器拒絕了此請求：%1</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 個字元</numerusform>
        </translation>
    </message>
    <message>
        <source>at most 256 characters</source>
        <translation>最多 256 個字元</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>一個大寫字母</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>一個小寫字母</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>一個數字</translation>
    </message>
    <message>
        <source>a symbol such as ! or #</source>
        <translation>一個符號，例如 ! 或 #</translation>
    </message>
    <message>
        <source>Only administrators may do this; you are signed in as %1.</source>
        <translation>只有管理員可以執行此操作；您目前的身分是%1。</translation>
    </message>
    <message>
        <source>Viewers may only look; you are signed in as %1.</source>
        <translation>檢視者只能檢視；您目前的身分是%1。</translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message>
        <source>CPU usage</source>
        <translation>處理器使用率</translation>
    </message>
    <message>
        <source>Memory usage</source>
        <translation>記憶體使用率</translation>
    </message>
    <message>
        <source>Disk usage</source>
        <translation>磁碟使用率</translation>
    </message>
    <message>
        <source>Load (1 min)</source>
        <translation>負載（1 分鐘）</translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation>網路流量</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>超過 %1</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>單一節點</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>標籤：%1</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>所有節點</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>觸發中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>by itself</source>
        <translation>自動解決</translation>
    </message>
    <message>
        <source>a deleted user</source>
        <translation>已刪除的使用者</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Probe down</source>
        <translation>探測失敗</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>TLS 憑證到期</translation>
    </message>
    <message>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>down</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>低於 %1</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 失敗</translation>
    </message>
    <message>
        <source>%1: certificate under %2</source>
        <translation>%1：TLS 憑證剩餘不足 %2</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>從不</translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>每 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>每 %1</translation>
    </message>
    <message>
        <source>Container down</source>
        <translation>容器停止執行</translation>
    </message>
    <message>
        <source>Container unhealthy</source>
        <translation>容器狀態不良</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n 個容器</numerusform>
        </translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未執行</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>狀態不良</translation>
    </message>
    <message>
        <source>any container</source>
        <translation>任一容器</translation>
    </message>
    <message>
        <source>%1 not running</source>
        <translation>%1 未執行</translation>
    </message>
    <message>
        <source>%1 unhealthy</source>
        <translation>%1 狀態不良</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 及另外 %2 個</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Node created</source>
        <translation>建立節點</translation>
    </message>
    <message>
        <source>Node updated</source>
        <translation>更新節點</translation>
    </message>
    <message>
        <source>Node deleted</source>
        <translation>刪除節點</translation>
    </message>
    <message>
        <source>Agent enrolled</source>
        <translation>代理程式完成註冊</translation>
    </message>
    <message>
        <source>New enrolment secret issued</source>
        <translation>發出新的註冊密鑰</translation>
    </message>
    <message>
        <source>Agent settings changed</source>
        <translation>變更代理程式設定</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登入失敗</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>Signed out everywhere</source>
        <translation>從所有裝置登出</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>帳號已鎖定</translation>
    </message>
    <message>
        <source>Refresh token reused</source>
        <translation>重新整理權杖遭重複使用</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>變更密碼</translation>
    </message>
    <message>
        <source>Password check failed</source>
        <translation>密碼驗證失敗</translation>
    </message>
    <message>
        <source>Two-factor sign-in on</source>
        <translation>啟用雙重驗證</translation>
    </message>
    <message>
        <source>Two-factor sign-in off</source>
        <translation>停用雙重驗證</translation>
    </message>
    <message>
        <source>Two-factor code rejected</source>
        <translation>雙重驗證碼遭拒</translation>
    </message>
    <message>
        <source>Recovery code used</source>
        <translation>已使用復原碼</translation>
    </message>
    <message>
        <source>Recovery codes regenerated</source>
        <translation>已重新產生復原碼</translation>
    </message>
    <message>
        <source>Session revoked</source>
        <translation>撤銷工作階段</translation>
    </message>
    <message>
        <source>All sessions revoked</source>
        <translation>撤銷所有工作階段</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>建立 API 金鑰</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>撤銷 API 金鑰</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>建立使用者</translation>
    </message>
    <message>
        <source>User registered</source>
        <translation>使用者註冊</translation>
    </message>
    <message>
        <source>User updated</source>
        <translation>更新使用者</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>刪除使用者</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>變更角色</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重設密碼</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>解除帳號鎖定</translation>
    </message>
    <message>
        <source>Flow created</source>
        <translation>建立流程</translation>
    </message>
    <message>
        <source>Flow updated</source>
        <translation>更新流程</translation>
    </message>
    <message>
        <source>Flow version saved</source>
        <translation>儲存流程版本</translation>
    </message>
    <message>
        <source>Flow published</source>
        <translation>發布流程</translation>
    </message>
    <message>
        <source>Flow deleted</source>
        <translation>刪除流程</translation>
    </message>
    <message>
        <source>Flow shared</source>
        <translation>分享流程</translation>
    </message>
    <message>
        <source>Flow share changed</source>
        <translation>變更流程分享</translation>
    </message>
    <message>
        <source>Flow share removed</source>
        <translation>移除流程分享</translation>
    </message>
    <message>
        <source>Webhook created</source>
        <translation>建立 Webhook</translation>
    </message>
    <message>
        <source>Webhook token renewed</source>
        <translation>更新 Webhook 權杖</translation>
    </message>
    <message>
        <source>Webhook removed</source>
        <translation>移除 Webhook</translation>
    </message>
    <message>
        <source>Credential created</source>
        <translation>建立憑證</translation>
    </message>
    <message>
        <source>Credential updated</source>
        <translation>更新憑證</translation>
    </message>
    <message>
        <source>Credential deleted</source>
        <translation>刪除憑證</translation>
    </message>
    <message>
        <source>Credential tested</source>
        <translation>測試憑證</translation>
    </message>
    <message>
        <source>Credential keys rotated</source>
        <translation>輪替憑證金鑰</translation>
    </message>
    <message>
        <source>Service added</source>
        <translation>新增服務</translation>
    </message>
    <message>
        <source>Service updated</source>
        <translation>更新服務</translation>
    </message>
    <message>
        <source>Service deleted</source>
        <translation>刪除服務</translation>
    </message>
    <message>
        <source>Service tested</source>
        <translation>測試服務</translation>
    </message>
    <message>
        <source>Service schema refreshed</source>
        <translation>重新整理服務結構描述</translation>
    </message>
    <message>
        <source>Service endpoint added</source>
        <translation>新增服務端點</translation>
    </message>
    <message>
        <source>Service endpoint deleted</source>
        <translation>刪除服務端點</translation>
    </message>
    <message>
        <source>Component registered</source>
        <translation>註冊元件</translation>
    </message>
    <message>
        <source>Component updated</source>
        <translation>更新元件</translation>
    </message>
    <message>
        <source>Component deprecated</source>
        <translation>淘汰元件</translation>
    </message>
    <message>
        <source>Component active again</source>
        <translation>重新啟用元件</translation>
    </message>
    <message>
        <source>Component deleted</source>
        <translation>刪除元件</translation>
    </message>
    <message>
        <source>Sign-in settings changed</source>
        <translation>變更登入設定</translation>
    </message>
    <message>
        <source>System configuration changed</source>
        <translation>變更系統設定</translation>
    </message>
    <message>
        <source>Sign-in and account security</source>
        <translation>登入與帳號安全</translation>
    </message>
    <message>
        <source>User administration</source>
        <translation>使用者管理</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>系統設定</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Alert rule created</source>
        <translation>建立告警規則</translation>
    </message>
    <message>
        <source>Alert rule changed</source>
        <translation>變更告警規則</translation>
    </message>
    <message>
        <source>Alert rule deleted</source>
        <translation>刪除告警規則</translation>
    </message>
    <message>
        <source>Alert resolved by hand</source>
        <translation>手動解決告警</translation>
    </message>
    <message>
        <source>Alert channel created</source>
        <translation>建立通知管道</translation>
    </message>
    <message>
        <source>Alert channel changed</source>
        <translation>變更通知管道</translation>
    </message>
    <message>
        <source>Alert channel deleted</source>
        <translation>刪除通知管道</translation>
    </message>
    <message>
        <source>Alert channel tested</source>
        <translation>測試通知管道</translation>
    </message>
    <message>
        <source>Maintenance window created</source>
        <translation>建立維護時段</translation>
    </message>
    <message>
        <source>Maintenance window ended</source>
        <translation>結束維護時段</translation>
    </message>
    <message>
        <source>Public status page changed</source>
        <translation>變更公開狀態頁</translation>
    </message>
    <message>
        <source>Probe created</source>
        <translation>建立探測</translation>
    </message>
    <message>
        <source>Probe changed</source>
        <translation>變更探測</translation>
    </message>
    <message>
        <source>Probe deleted</source>
        <translation>刪除探測</translation>
    </message>
    <message>
        <source>WireGuard server created</source>
        <translation>已建立 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>WireGuard server changed</source>
        <translation>已變更 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>WireGuard server deleted</source>
        <translation>已刪除 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>WireGuard server started</source>
        <translation>已啟動 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>WireGuard server failed to start</source>
        <translation>WireGuard 伺服器啟動失敗</translation>
    </message>
    <message>
        <source>WireGuard server stopped</source>
        <translation>已停止 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>WireGuard client created</source>
        <translation>已建立 WireGuard 用戶端</translation>
    </message>
    <message>
        <source>WireGuard client changed</source>
        <translation>已變更 WireGuard 用戶端</translation>
    </message>
    <message>
        <source>WireGuard client deleted</source>
        <translation>已刪除 WireGuard 用戶端</translation>
    </message>
    <message>
        <source>WireGuard client config downloaded</source>
        <translation>已下載 WireGuard 用戶端設定</translation>
    </message>
    <message>
        <source>IPv6 pool created</source>
        <translation>已建立 IPv6 前綴池</translation>
    </message>
    <message>
        <source>IPv6 pool changed</source>
        <translation>已變更 IPv6 前綴池</translation>
    </message>
    <message>
        <source>IPv6 pool deleted</source>
        <translation>已刪除 IPv6 前綴池</translation>
    </message>
    <message>
        <source>IPv6 prefix delegated</source>
        <translation>已分配 IPv6 前綴</translation>
    </message>
    <message>
        <source>IPv6 prefix released</source>
        <translation>已釋放 IPv6 前綴</translation>
    </message>
    <message>
        <source>BGP session created</source>
        <translation>已建立 BGP 工作階段</translation>
    </message>
    <message>
        <source>BGP session changed</source>
        <translation>已變更 BGP 工作階段</translation>
    </message>
    <message>
        <source>BGP session deleted</source>
        <translation>已刪除 BGP 工作階段</translation>
    </message>
    <message>
        <source>BGP session started</source>
        <translation>已啟動 BGP 工作階段</translation>
    </message>
    <message>
        <source>BGP session stopped</source>
        <translation>已停止 BGP 工作階段</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard server imported</source>
        <translation>WireGuard 伺服器已匯入</translation>
    </message>
    <message>
        <source>WireGuard client share link created</source>
        <translation>已建立 WireGuard 用戶端分享連結</translation>
    </message>
    <message>
        <source>WireGuard client share link opened</source>
        <translation>已開啟 WireGuard 用戶端分享連結</translation>
    </message>
    <message>
        <source>WireGuard client share links revoked</source>
        <translation>已撤銷 WireGuard 用戶端分享連結</translation>
    </message>
    <message>
        <source>WireGuard change confirmed</source>
        <translation>已確認 WireGuard 變更</translation>
    </message>
    <message>
        <source>WireGuard change rolled back (not confirmed in time)</source>
        <translation>已復原 WireGuard 變更（未及時確認）</translation>
    </message>
    <message>
        <source>IPv6 prefix expired and released</source>
        <translation>IPv6 前綴已到期並釋放</translation>
    </message>
    <message>
        <source>BGP prefix announced</source>
        <translation>已通告 BGP 前綴</translation>
    </message>
    <message>
        <source>BGP prefix withdrawn</source>
        <translation>已撤回 BGP 前綴</translation>
    </message>
    <message>
        <source>Identity confirmed again</source>
        <translation>再次確認身分</translation>
    </message>
    <message>
        <source>Node file read</source>
        <translation>讀取節點檔案</translation>
    </message>
    <message>
        <source>Node file saved</source>
        <translation>儲存節點檔案</translation>
    </message>
    <message>
        <source>Node file uploaded</source>
        <translation>上傳節點檔案</translation>
    </message>
    <message>
        <source>Node directory created</source>
        <translation>建立節點目錄</translation>
    </message>
    <message>
        <source>Node file renamed</source>
        <translation>重新命名節點檔案</translation>
    </message>
    <message>
        <source>Node file deleted</source>
        <translation>刪除節點檔案</translation>
    </message>
    <message>
        <source>Node process signalled</source>
        <translation>向節點行程傳送訊號</translation>
    </message>
    <message>
        <source>Node terminal opened</source>
        <translation>開啟節點終端機</translation>
    </message>
    <message>
        <source>Node terminal closed</source>
        <translation>關閉節點終端機</translation>
    </message>
    <message>
        <source>Node grant added</source>
        <translation>新增節點授權</translation>
    </message>
    <message>
        <source>Node grant removed</source>
        <translation>移除節點授權</translation>
    </message>
    <message>
        <source>Node file upload started</source>
        <translation>開始上傳節點檔案</translation>
    </message>
    <message>
        <source>Node file upload aborted</source>
        <translation>中止上傳節點檔案</translation>
    </message>
    <message>
        <source>Node task run</source>
        <translation>節點任務已執行</translation>
    </message>
    <message>
        <source>Container started</source>
        <translation>容器已啟動</translation>
    </message>
    <message>
        <source>Container stopped</source>
        <translation>容器已停止</translation>
    </message>
    <message>
        <source>Container restarted</source>
        <translation>容器已重新啟動</translation>
    </message>
    <message>
        <source>Container removed</source>
        <translation>容器已移除</translation>
    </message>
    <message>
        <source>Compose project started</source>
        <translation>Compose 專案已啟動</translation>
    </message>
    <message>
        <source>Compose project stopped</source>
        <translation>Compose 專案已停止</translation>
    </message>
    <message>
        <source>Nginx started</source>
        <translation>Nginx 已啟動</translation>
    </message>
    <message>
        <source>Nginx stopped</source>
        <translation>Nginx 已停止</translation>
    </message>
    <message>
        <source>Nginx restarted</source>
        <translation>Nginx 已重新啟動</translation>
    </message>
    <message>
        <source>Nginx reloaded</source>
        <translation>Nginx 已重新載入</translation>
    </message>
    <message>
        <source>Nginx configuration saved</source>
        <translation>Nginx 設定已儲存</translation>
    </message>
    <message>
        <source>Nginx site created</source>
        <translation>Nginx 站台已建立</translation>
    </message>
    <message>
        <source>Nginx site saved</source>
        <translation>Nginx 站台已儲存</translation>
    </message>
    <message>
        <source>Nginx site deleted</source>
        <translation>Nginx 站台已刪除</translation>
    </message>
    <message>
        <source>Nginx site enabled</source>
        <translation>Nginx 站台已啟用</translation>
    </message>
    <message>
        <source>Nginx site disabled</source>
        <translation>Nginx 站台已停用</translation>
    </message>
    <message>
        <source>Self-signed certificate created</source>
        <translation>已建立自簽憑證</translation>
    </message>
    <message>
        <source>Node agent restarted</source>
        <translation>節點代理程式已重新啟動</translation>
    </message>
    <message>
        <source>Node rebooted</source>
        <translation>節點已重新開機</translation>
    </message>
    <message>
        <source>Node agent upgraded</source>
        <translation>節點代理程式已升級</translation>
    </message>
    <message>
        <source>Node agent upgrade failed</source>
        <translation>節點代理程式升級失敗</translation>
    </message>
    <message>
        <source>Agent release uploaded</source>
        <translation>已上傳代理程式版本</translation>
    </message>
    <message>
        <source>Password reset e-mail requested</source>
        <translation>已要求密碼重設郵件</translation>
    </message>
    <message>
        <source>Verification e-mail sent</source>
        <translation>已寄送驗證郵件</translation>
    </message>
    <message>
        <source>E-mail address verified</source>
        <translation>電子郵件地址已驗證</translation>
    </message>
    <message>
        <source>E-mail language changed</source>
        <translation>郵件語言已變更</translation>
    </message>
    <message>
        <source>Mail settings changed</source>
        <translation>電子郵件設定已變更</translation>
    </message>
    <message>
        <source>Test e-mail sent</source>
        <translation>已寄送測試郵件</translation>
    </message>
    <message>
        <source>Backup created</source>
        <translation>已建立備份</translation>
    </message>
    <message>
        <source>Backup deleted</source>
        <translation>已刪除備份</translation>
    </message>
    <message>
        <source>Backup downloaded</source>
        <translation>已下載備份</translation>
    </message>
    <message>
        <source>Backup uploaded</source>
        <translation>已上傳備份</translation>
    </message>
    <message>
        <source>Backup restore scheduled</source>
        <translation>已排定還原備份</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>已還原備份</translation>
    </message>
    <message>
        <source>Built-in agent release registered</source>
        <translation>已登錄內建代理程式版本</translation>
    </message>
    <message>
        <source>Flow history retention changed</source>
        <translation>已變更流程的歷程保留設定</translation>
    </message>
    <message>
        <source>History retention applied</source>
        <translation>已套用歷程保留</translation>
    </message>
    <message>
        <source>Flow triggered</source>
        <translation>已觸發流程</translation>
    </message>
    <message>
        <source>Container log followed</source>
        <translation>已追蹤容器日誌</translation>
    </message>
    <message>
        <source>Container log follow ended</source>
        <translation>容器日誌追蹤已結束</translation>
    </message>
</context>
<context>
    <name>AuditDetailText</name>
    <message>
        <source>Access level</source>
        <translation>存取層級</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>代理程式版本</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>套用時間</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架構</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>嘗試次數</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>後端</translation>
    </message>
    <message>
        <source>By</source>
        <translation>執行者</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>輸入位元組</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>輸出位元組</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已變更</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校驗和</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天數</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已刪除</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>持續時間（秒）</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>結束代碼</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指紋</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>介面</translation>
    </message>
    <message>
        <source>Invited email</source>
        <translation>受邀電子郵件</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>金鑰已撤銷</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>Locked addresses</source>
        <translation>已鎖定位址</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>鎖定至</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>位移</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>作業系統</translation>
    </message>
    <message>
        <source>Password change required</source>
        <translation>須變更密碼</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>權限</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前綴</translation>
    </message>
    <message>
        <source>Previous permission</source>
        <translation>先前權限</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>先前版本</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>專案</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recovery codes left</source>
        <translation>剩餘復原碼</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>版本發布</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>記住我</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>請求時間</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤銷</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Files root</source>
        <translation>檔案根目錄</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>工作階段</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell 程式</translation>
    </message>
    <message>
        <source>Show addresses</source>
        <translation>顯示位址</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>訊號</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（位元組）</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>觸發</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>雙重驗證</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上傳</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可見性</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目錄</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a detail&apos;s title and its value</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
</context>
<context>
    <name>AuditResourceText</name>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>工作階段</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 金鑰</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Data encryption key</source>
        <translation>資料加密金鑰</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Node grant</source>
        <translation>節點授權</translation>
    </message>
    <message>
        <source>Agent release</source>
        <translation>代理程式版本</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探測</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>告警規則</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Notification channel</source>
        <translation>通知管道</translation>
    </message>
    <message>
        <source>Maintenance window</source>
        <translation>維護時段</translation>
    </message>
    <message>
        <source>WireGuard server</source>
        <translation>WireGuard 伺服器</translation>
    </message>
    <message>
        <source>WireGuard client</source>
        <translation>WireGuard 用戶端</translation>
    </message>
    <message>
        <source>IPv6 pool</source>
        <translation>IPv6 集區</translation>
    </message>
    <message>
        <source>IPv6 allocation</source>
        <translation>IPv6 配置</translation>
    </message>
    <message>
        <source>BGP session</source>
        <translation>BGP 工作階段</translation>
    </message>
    <message>
        <source>BGP announcement</source>
        <translation>BGP 宣告</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a resource&apos;s kind and its name</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>BuiltinConfigText</name>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Written before the node&apos;s inputs in the execution&apos;s log.</source>
        <translation>寫在執行日誌中節點輸入之前。</translation>
    </message>
    <message>
        <source>Delay (milliseconds)</source>
        <translation>延遲（毫秒）</translation>
    </message>
    <message>
        <source>How long the node waits before it passes its inputs on; unset, its &quot;ms&quot; input says.</source>
        <translation>節點將輸入傳下去之前等待的時間；未設定時以其「ms」輸入為準。</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比較方式</translation>
    </message>
    <message>
        <source>Fail on an HTTP error</source>
        <translation>HTTP 錯誤時失敗</translation>
    </message>
    <message>
        <source>An answer outside 2xx fails the node (retried for 5xx, 408 and 429) instead of passing its status on.</source>
        <translation>回應不是 2xx 時讓節點失敗（5xx、408 和 429 會重試），而不是把狀態碼傳下去。</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>The program and its arguments, one per item, started without a shell.</source>
        <translation>要執行的程式及其參數，每項一個，不經過 shell 直接啟動。</translation>
    </message>
    <message>
        <source>Run a script in a shell</source>
        <translation>在 shell 中執行指令碼</translation>
    </message>
    <message>
        <source>On: the Script below runs in the node&apos;s shell instead of a Command.</source>
        <translation>開啟時：改為在節點的 shell 中執行下方的「指令碼」，而非「指令」。</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>指令碼</translation>
    </message>
    <message>
        <source>Shell commands; only with &quot;Run a script in a shell&quot; on.</source>
        <translation>shell 指令；僅在開啟「在 shell 中執行指令碼」時使用。</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>環境變數</translation>
    </message>
    <message>
        <source>Added to the command&apos;s environment: an object of names and text values.</source>
        <translation>加入指令的環境：由名稱與文字值組成的物件。</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目錄</translation>
    </message>
    <message>
        <source>Where the command starts on the node.</source>
        <translation>指令在節點上啟動時所在的目錄。</translation>
    </message>
    <message>
        <source>Time limit (seconds)</source>
        <translation>時間限制（秒）</translation>
    </message>
    <message>
        <source>The command is stopped when it runs longer.</source>
        <translation>指令執行超過此時間即被停止。</translation>
    </message>
</context>
<context>
    <name>ByteSizeText</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 位元組</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>HiveMind console: design, run and watch workflows and your fleet.</source>
        <translation>HiveMind 主控台：設計、執行並監看工作流程與您的機群。</translation>
    </message>
    <message>
        <source>User interface language: %1.</source>
        <translation>使用者介面語言：%1。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Directory of the local server&apos;s data (default: %1).</source>
        <translation>本機伺服器的資料目錄（預設：%1）。</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>Do not use the system keychain for the master key; use the key file.</source>
        <translation>不使用系統鑰匙圈存放主金鑰，改用金鑰檔案。</translation>
    </message>
    <message>
        <source>Save a picture of the main window to this PNG file once the server has answered, then quit.</source>
        <translation>伺服器回應後，將主視窗畫面存成此 PNG 檔案，然後結束。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Section to show at start: %1.</source>
        <translation>啟動時顯示的區塊：%1。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知的語言「%1」；請選擇：%2。</translation>
    </message>
    <message>
        <source>Unknown section &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知的區塊「%1」；請選擇：%2。</translation>
    </message>
    <message>
        <source>No data directory; pass one with --data-dir.</source>
        <translation>沒有資料目錄；請以 --data-dir 指定。</translation>
    </message>
    <message>
        <source>Colours for this run: light, dark or system (not saved).</source>
        <translation>本次執行的色彩：&quot;light&quot;（淺色）、&quot;dark&quot;（深色）或 &quot;system&quot;（跟隨系統），不會儲存。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>佈景主題</translation>
    </message>
    <message>
        <source>Unknown theme &quot;%1&quot;; choose light, dark or system.</source>
        <translation>未知的佈景主題「%1」；請選擇 &quot;light&quot;、&quot;dark&quot; 或 &quot;system&quot;。</translation>
    </message>
</context>
<context>
    <name>ComponentCatalogue</name>
    <message>
        <source>the endpoint %1 of the service %2 was removed from its OpenAPI document by a schema refresh; choose another endpoint</source>
        <translation>服務 %2 的端點 %1 已在重新整理結構描述時從其 OpenAPI 文件中移除，請選擇其他端點</translation>
    </message>
    <message>
        <source>the endpoint %1 of the service %2 is disabled</source>
        <translation>服務 %2 的端點 %1 已停用</translation>
    </message>
    <message>
        <source>the service %1 has no endpoint %2</source>
        <translation>服務 %1 沒有端點 %2</translation>
    </message>
    <message>
        <source>the external service %1 no longer exists</source>
        <translation>外部服務 %1 已不存在</translation>
    </message>
    <message>
        <source>the external service %1 is not active; make it active to call it</source>
        <translation>外部服務 %1 未啟用；請先啟用才能呼叫</translation>
    </message>
</context>
<context>
    <name>ContainerStatusText</name>
    <message>
        <source>less than a second</source>
        <translation>不到 1 秒</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>約 1 分鐘</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>約 1 小時</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分鐘</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小時</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n 週</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n 個月</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>Up for %1</source>
        <translation>已執行 %1</translation>
    </message>
    <message>
        <source>Exited with code %1, %2 ago</source>
        <translation>%2前結束，結束代碼 %1</translation>
    </message>
    <message>
        <source>Restarting (exit code %1, %2 ago)</source>
        <translation>重新啟動中（%2前結束，結束代碼 %1）</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已結束</translation>
    </message>
</context>
<context>
    <name>CredentialText</name>
    <message>
        <source>HTTP Basic</source>
        <translation>HTTP 基本驗證</translation>
    </message>
    <message>
        <source>HTTP Bearer token</source>
        <translation>HTTP Bearer 權杖</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 金鑰</translation>
    </message>
    <message>
        <source>OAuth 2.0 client</source>
        <translation>OAuth 2.0 用戶端</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>SSH 金鑰</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私人</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Decrypt only</source>
        <translation>僅供解密</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>閒置</translation>
    </message>
    <message>
        <source>Re-encrypting</source>
        <translation>重新加密中</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Workspace (everyone on this server)</source>
        <translation>工作區（此伺服器上的所有人）</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>工作流程</translation>
    </message>
    <message>
        <source>node</source>
        <translation>節點</translation>
    </message>
</context>
<context>
    <name>FlowErrorText</name>
    <message>
        <source>Someone saved a newer version of this flow since you opened it.</source>
        <translation>自您開啟此流程後，已有人儲存了較新的版本。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>無法連線到伺服器。請檢查連線後再試一次。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>伺服器未在時限內回應。</translation>
    </message>
    <message>
        <source>The server is not available right now.</source>
        <translation>伺服器目前無法使用。</translation>
    </message>
    <message>
        <source>Too many requests: the server asks to wait a moment before trying again.</source>
        <translation>請求過多：伺服器要求稍候再試。</translation>
    </message>
    <message>
        <source>You are not signed in to the server, or your session has ended.</source>
        <translation>您尚未登入伺服器，或工作階段已結束。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的角色不允許此操作。</translation>
    </message>
    <message>
        <source>This needs %1 permission on the flow; you have %2.</source>
        <translation>此操作需要流程的%1權限；您目前擁有%2權限。</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>您沒有權限執行此操作。</translation>
    </message>
    <message>
        <source>The flow no longer exists, or it is not shared with you.</source>
        <translation>此流程已不存在，或未分享給您。</translation>
    </message>
    <message>
        <source>That version of the flow does not exist. A flow runs its published version: publish one first.</source>
        <translation>此流程版本不存在。流程會執行已發布的版本：請先發布一個版本。</translation>
    </message>
    <message>
        <source>Another flow already has this name.</source>
        <translation>已有其他流程使用此名稱。</translation>
    </message>
    <message>
        <source>This already exists.</source>
        <translation>此項目已存在。</translation>
    </message>
    <message>
        <source>The name must not be empty and must have at most 255 characters.</source>
        <translation>名稱不可空白，且最多 255 個字元。</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>這不是電子郵件地址。</translation>
    </message>
    <message>
        <source>The flow definition must be a JSON object.</source>
        <translation>流程定義必須是 JSON 物件。</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>伺服器拒絕了此請求：%1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused the flow: it has %n problem(s).</source>
        <translation>
            <numerusform>伺服器拒絕了此流程：其中有 %n 個問題。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the flow definition.</source>
        <translation>伺服器拒絕了此流程定義。</translation>
    </message>
    <message>
        <source>An input mapping of the flow is not valid.</source>
        <translation>此流程的某個輸入映射無效。</translation>
    </message>
    <message>
        <source>The flow is already running and its settings allow only one execution at a time.</source>
        <translation>此流程正在執行中，而其設定同一時間只允許一個執行。</translation>
    </message>
    <message>
        <source>This share no longer exists.</source>
        <translation>此分享已不存在。</translation>
    </message>
    <message>
        <source>Only the flow&apos;s owner and people it is shared with as admin can manage its sharing.</source>
        <translation>只有流程擁有者與以「管理」權限分享的人員可以管理其分享。</translation>
    </message>
    <message>
        <source>You cannot share a flow with yourself.</source>
        <translation>您不能將流程分享給自己。</translation>
    </message>
    <message>
        <source>The flow is already shared with this person (or they own it).</source>
        <translation>此流程已分享給此人（或此人就是擁有者）。</translation>
    </message>
    <message>
        <source>The permission must be view, edit or admin.</source>
        <translation>權限必須是檢視、編輯或管理。</translation>
    </message>
    <message>
        <source>The account with this e-mail address was deleted.</source>
        <translation>使用此電子郵件地址的帳號已被刪除。</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>此項目已不存在。</translation>
    </message>
    <message>
        <source>The flow is larger than the server accepts.</source>
        <translation>此流程超出伺服器可接受的大小。</translation>
    </message>
    <message>
        <source>Node “%1” uses the component “%2”, which the server does not have.</source>
        <translation>節點「%1」使用的元件「%2」在伺服器上不存在。</translation>
    </message>
    <message>
        <source>Node “%1” uses version %2 of “%3”, which the server does not have.</source>
        <translation>節點「%1」使用「%3」的版本 %2，伺服器上沒有此版本。</translation>
    </message>
    <message>
        <source>The node id “%1” is used more than once.</source>
        <translation>節點 ID「%1」被使用了不只一次。</translation>
    </message>
    <message>
        <source>The connection id “%1” is used more than once.</source>
        <translation>連線 ID「%1」被使用了不只一次。</translation>
    </message>
    <message>
        <source>Connection “%1” leads to a node that does not exist.</source>
        <translation>連線「%1」指向不存在的節點。</translation>
    </message>
    <message>
        <source>Connection “%1” leaves from an output “%2” its node does not have.</source>
        <translation>連線「%1」來自其節點沒有的輸出「%2」。</translation>
    </message>
    <message>
        <source>Connection “%1” enters an input “%2” its node does not have.</source>
        <translation>連線「%1」進入其節點沒有的輸入「%2」。</translation>
    </message>
    <message>
        <source>The connections form a loop: %1.</source>
        <translation>這些連線形成了迴圈：%1。</translation>
    </message>
    <message>
        <source>Node “%1” needs a value for its input “%2”: connect it or map it.</source>
        <translation>節點「%1」的輸入「%2」需要一個值：請連接或映射它。</translation>
    </message>
    <message>
        <source>Node “%1” maps an input “%2” its component does not have.</source>
        <translation>節點「%1」映射了其元件沒有的輸入「%2」。</translation>
    </message>
    <message>
        <source>Node “%1”: the mapping of input “%2” cannot be read.</source>
        <translation>節點「%1」：輸入「%2」的映射無法解讀。</translation>
    </message>
    <message>
        <source>Node “%1” reads from a node “%2” that does not exist.</source>
        <translation>節點「%1」讀取了不存在的節點「%2」。</translation>
    </message>
    <message>
        <source>Node “%1” reads from node “%2”, which does not run before it: connect them first.</source>
        <translation>節點「%1」讀取節點「%2」，但後者不會在它之前執行：請先連接兩者。</translation>
    </message>
    <message>
        <source>Node “%1” reads an output “%2” that node “%3” does not have.</source>
        <translation>節點「%1」讀取節點「%3」的輸出「%2」，但該節點沒有此輸出。</translation>
    </message>
    <message>
        <source>Node “%1”: input “%2” expects %3 but gets %4.</source>
        <translation>節點「%1」：輸入「%2」預期為 %3，實際為 %4。</translation>
    </message>
    <message>
        <source>Node “%1”: its configuration is not valid (%2).</source>
        <translation>節點「%1」：其組態無效（%2）。</translation>
    </message>
    <message>
        <source>The component “%1” has a configuration schema the server cannot use.</source>
        <translation>元件「%1」的組態結構描述無法供伺服器使用。</translation>
    </message>
    <message>
        <source>The flow setting “%1” is not valid.</source>
        <translation>流程設定「%1」無效。</translation>
    </message>
    <message>
        <source>The definition&apos;s &quot;schemaVersion&quot; is newer than this server understands.</source>
        <translation>此定義的 &quot;schemaVersion&quot; 比此伺服器能理解的版本更新。</translation>
    </message>
    <message>
        <source>The definition is not shaped as a flow.</source>
        <translation>此定義的結構不是流程。</translation>
    </message>
    <message>
        <source>The definition is not shaped as a flow at “%1”.</source>
        <translation>此定義在「%1」處的結構不是流程。</translation>
    </message>
    <message>
        <source>view</source>
        <translation>檢視</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>擁有者</translation>
    </message>
    <message>
        <source>no</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已發布</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排隊中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>取消中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Node “%1”: the expression “%2” at %3 cannot run; it must be a value or read the node&apos;s inputs with “$.inputs…”.</source>
        <translation>節點「%1」：%3 的運算式「%2」無法執行；它必須是一個值，或以「$.inputs…」讀取節點的輸入。</translation>
    </message>
</context>
<context>
    <name>FlowFile</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>…還有 %n 個。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at character %2).</source>
        <translation>此檔案不是有效的 JSON（%1，位於第 %2 個字元）。</translation>
    </message>
    <message>
        <source>The file does not hold a flow: its JSON is not an object.</source>
        <translation>此檔案不含流程：其 JSON 不是物件。</translation>
    </message>
    <message>
        <source>The file does not hold a flow: it has neither a &quot;definition&quot; object nor a &quot;nodes&quot; list.</source>
        <translation>此檔案不含流程：其中既沒有 &quot;definition&quot; 物件，也沒有 &quot;nodes&quot; 清單。</translation>
    </message>
    <message>
        <source>The flow in the file is not valid:
%1</source>
        <translation>檔案中的流程無效：
%1</translation>
    </message>
    <message>
        <source>The flow settings in the file are not valid:
%1</source>
        <translation>檔案中的流程設定無效：
%1</translation>
    </message>
    <message>
        <source>The file cannot be opened: %1</source>
        <translation>無法開啟檔案：%1</translation>
    </message>
    <message>
        <source>The file is too large to be a flow (more than 16 MiB).</source>
        <translation>檔案太大，不可能是流程（超過 16 MiB）。</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>無法寫入檔案：%1</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NodeText</name>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Pending enrolment</source>
        <translation>等待註冊</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>探測</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分鐘前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小時前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>At most %1 labels.</source>
        <translation>最多 %1 個標籤。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: each label is 1 to %2 of the letters a-z and A-Z, digits, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>「%1」：每個標籤須由 1 到 %2 個字母 a-z 與 A-Z、數字、「_」、「.」、「:」或「-」組成。</translation>
    </message>
    <message>
        <source>A node with this name exists already (names ignore case).</source>
        <translation>已有同名的節點（名稱不分大小寫）。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>終端機</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Nginx</source>
        <translation>Nginx</translation>
    </message>
    <message>
        <source>Remote tasks</source>
        <translation>遠端任務</translation>
    </message>
    <message>
        <source>Agent upgrades</source>
        <translation>代理程式升級</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重新開機</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Kernel %1</source>
        <translation>核心 %1</translation>
    </message>
    <message>
        <source>%1, kernel %2</source>
        <translation>%1，核心 %2</translation>
    </message>
</context>
<context>
    <name>OperationsText</name>
    <message>
        <source>The server refused: only administrators may %1. Ask an administrator, or sign in with an administrator account.</source>
        <translation>伺服器拒絕了：只有管理員才能%1。請洽管理員，或以管理員帳號登入。</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended. Sign in again to %1.</source>
        <translation>您尚未登入此伺服器，或工作階段已結束。請重新登入以%1。</translation>
    </message>
    <message>
        <source>The server cannot be reached, so the console could not %1. Check the connection and try again.</source>
        <translation>無法連線到伺服器，因此主控台無法%1。請檢查連線後再試一次。</translation>
    </message>
    <message>
        <source>The server did not answer in time, so the console could not %1. Try again.</source>
        <translation>伺服器未及時回應，因此主控台無法%1。請再試一次。</translation>
    </message>
    <message>
        <source>Too many requests; wait a moment and try again.</source>
        <translation>請求過於頻繁，請稍候再試。</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>無法%1：%2</translation>
    </message>
</context>
<context>
    <name>ProbeText</name>
    <message>
        <source>HTTP(S)</source>
        <translation>HTTP(S)</translation>
    </message>
    <message>
        <source>TCP port</source>
        <translation>TCP 連接埠</translation>
    </message>
    <message>
        <source>Ping (ICMP)</source>
        <translation>Ping 連通測試 (ICMP)</translation>
    </message>
    <message>
        <source>host:port, e.g. db.example.com:5432</source>
        <translation>主機:連接埠，例如 db.example.com:5432</translation>
    </message>
    <message>
        <source>A host, e.g. gateway.example.com</source>
        <translation>主機，例如 gateway.example.com</translation>
    </message>
    <message>
        <source>A URL, e.g. https://example.com/health</source>
        <translation>網址，例如 https://example.com/health</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>單一節點</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>標籤：%1</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>所有節點</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>每 %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Dashboard</source>
        <translation>儀表板</translation>
    </message>
    <message>
        <source>An overview of this HiveMind installation.</source>
        <translation>這套 HiveMind 安裝的總覽。</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, triggers and sharing.</source>
        <translation>以元件圖設計的工作流程，及其版本、觸發方式與共用設定。</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Every run of a flow, with the status, inputs and outputs of each node as it happens.</source>
        <translation>流程的每一次執行，即時呈現每個節點的狀態、輸入與輸出。</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>The catalogue of built-in and HTTP components that flows are built from.</source>
        <translation>組成流程的內建元件與 HTTP 元件目錄。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>External REST services imported from OpenAPI documents, with their endpoints and schemas.</source>
        <translation>從 OpenAPI 文件匯入的外部 REST 服務，及其端點與結構描述。</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Encrypted secrets used by flows and services; they can be replaced but never shown again.</source>
        <translation>供流程與服務使用的加密憑證（認證資訊）；可以替換，但不會再次顯示。</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Servers and worker machines running the HiveMind agent, with their metrics, processes and terminal.</source>
        <translation>執行 HiveMind 代理程式的伺服器與工作機器，及其指標、行程與終端機。</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard servers and clients, address pools and BGP sessions that connect the fleet.</source>
        <translation>串連機群的 WireGuard 伺服器與用戶端、位址池及 BGP 工作階段。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alert rules, notification channels and the history of alerts that fired.</source>
        <translation>告警規則、通知管道，以及已觸發告警的歷史紀錄。</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>稽核與日誌</translation>
    </message>
    <message>
        <source>Who changed what and when, and the server&apos;s logs, searchable and exportable.</source>
        <translation>誰在何時變更了什麼，以及伺服器日誌，皆可搜尋與匯出。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Accounts, roles, API keys and two-factor authentication.</source>
        <translation>帳號、角色、API 金鑰與雙重驗證。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Server configuration, backups and cluster settings.</source>
        <translation>伺服器組態、備份與叢集設定。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ServerErrorText</name>
    <message>
        <source>another HiveMind server is using the data directory %1</source>
        <translation>另一個 HiveMind 伺服器正在使用資料目錄 %1</translation>
    </message>
    <message>
        <source>the port to listen on is taken by another program</source>
        <translation>要監聽的連接埠已被其他程式占用</translation>
    </message>
    <message>
        <source>the master key does not open the database in %1</source>
        <translation>主金鑰無法開啟 %1 中的資料庫</translation>
    </message>
    <message>
        <source>the database in %1 is damaged; restore it from a backup</source>
        <translation>%1 中的資料庫已損壞，請從備份還原</translation>
    </message>
    <message>
        <source>no master key is configured</source>
        <translation>尚未設定主金鑰</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>無法連線到伺服器</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>伺服器未在時限內回應</translation>
    </message>
    <message>
        <source>the server is not available right now</source>
        <translation>伺服器目前無法使用</translation>
    </message>
    <message>
        <source>you are not signed in to this server, or your session has ended</source>
        <translation>您尚未登入此伺服器，或工作階段已結束</translation>
    </message>
    <message>
        <source>you are not allowed to do this with this flow</source>
        <translation>您沒有權限對此流程執行這項操作</translation>
    </message>
    <message>
        <source>the execution does not exist, or you may not see it</source>
        <translation>此執行不存在，或您沒有檢視權限</translation>
    </message>
    <message>
        <source>the flow does not exist, or you may not see it</source>
        <translation>此流程不存在，或您沒有檢視權限</translation>
    </message>
    <message>
        <source>that version of the flow does not exist</source>
        <translation>流程沒有這個版本</translation>
    </message>
    <message>
        <source>the execution has already ended</source>
        <translation>此執行已經結束</translation>
    </message>
    <message>
        <source>the execution is already being cancelled</source>
        <translation>此執行已在取消中</translation>
    </message>
    <message>
        <source>the flow is already running and its settings allow no second run at the same time</source>
        <translation>流程正在執行中，其設定不允許同時再執行一次</translation>
    </message>
    <message>
        <source>too many requests; try again in a moment</source>
        <translation>要求過於頻繁，請稍後再試</translation>
    </message>
    <message>
        <source>only the history still holds this execution, so it can only be re-run from the start</source>
        <translation>此執行僅存在於歷史紀錄中，因此只能從頭重新執行</translation>
    </message>
    <message>
        <source>another HiveMind server is using the server&apos;s data directory</source>
        <translation>另一個 HiveMind 伺服器正在使用伺服器的資料目錄</translation>
    </message>
    <message>
        <source>the master key does not open the server&apos;s database</source>
        <translation>主金鑰無法開啟伺服器的資料庫</translation>
    </message>
    <message>
        <source>the server&apos;s database is damaged; restore it from a backup</source>
        <translation>伺服器的資料庫已損壞；請從備份還原</translation>
    </message>
    <message>
        <source>the user name, e-mail address or password is wrong</source>
        <translation>使用者名稱、電子郵件地址或密碼錯誤</translation>
    </message>
    <message>
        <source>what was asked for does not exist, or you may not see it</source>
        <translation>要求的項目不存在，或您無權查看</translation>
    </message>
    <message>
        <source>an item with this name already exists</source>
        <translation>已有同名的項目</translation>
    </message>
    <message>
        <source>the server met an internal error; try again, and read the server log if it happens again</source>
        <translation>伺服器發生內部錯誤；請重試，若再次發生請查看伺服器日誌</translation>
    </message>
    <message>
        <source>the server is in maintenance mode; try again later</source>
        <translation>伺服器正處於維護模式；請稍後再試</translation>
    </message>
    <message>
        <source>the account&apos;s e-mail address is not verified yet</source>
        <translation>此帳號的電子郵件地址尚未驗證</translation>
    </message>
    <message>
        <source>the account is locked after too many failed sign-ins; try again later</source>
        <translation>登入失敗次數過多，帳號已鎖定；請稍後再試</translation>
    </message>
    <message>
        <source>the account is suspended; ask an administrator</source>
        <translation>此帳號已停用；請洽管理員</translation>
    </message>
    <message>
        <source>an account with this e-mail address already exists</source>
        <translation>已有使用此電子郵件地址的帳號</translation>
    </message>
    <message>
        <source>the password does not meet the server&apos;s password policy</source>
        <translation>密碼不符合伺服器的密碼政策</translation>
    </message>
    <message>
        <source>the two passwords do not match</source>
        <translation>兩次輸入的密碼不一致</translation>
    </message>
    <message>
        <source>the current password is wrong</source>
        <translation>目前的密碼錯誤</translation>
    </message>
    <message>
        <source>the verification link has expired; ask for a new one</source>
        <translation>驗證連結已過期；請重新申請</translation>
    </message>
    <message>
        <source>the user does not exist</source>
        <translation>使用者不存在</translation>
    </message>
    <message>
        <source>the component is not installed on the server</source>
        <translation>伺服器上未安裝此元件</translation>
    </message>
    <message>
        <source>the flow definition is not valid; see its problems</source>
        <translation>流程定義無效；請查看其問題</translation>
    </message>
    <message>
        <source>an input mapping of the flow is not valid</source>
        <translation>流程的某個輸入對應無效</translation>
    </message>
    <message>
        <source>the component is installed but cannot be used right now</source>
        <translation>元件已安裝，但目前無法使用</translation>
    </message>
    <message>
        <source>the execution ran longer than its time limit</source>
        <translation>執行時間超過其時限</translation>
    </message>
    <message>
        <source>the credential does not exist, or you may not see it</source>
        <translation>憑證不存在，或您無權查看</translation>
    </message>
    <message>
        <source>you may not use this credential</source>
        <translation>您無權使用此憑證</translation>
    </message>
    <message>
        <source>the server does not know this type of credential</source>
        <translation>伺服器不認得此憑證類型</translation>
    </message>
    <message>
        <source>the credential is still used by flows; remove it from them first</source>
        <translation>仍有流程在使用此憑證；請先從這些流程中移除</translation>
    </message>
    <message>
        <source>the server could not decrypt the stored data</source>
        <translation>伺服器無法解密已儲存的資料</translation>
    </message>
    <message>
        <source>the share does not exist</source>
        <translation>此分享不存在</translation>
    </message>
    <message>
        <source>you may not change how this is shared</source>
        <translation>您無權變更此項目的分享方式</translation>
    </message>
    <message>
        <source>you cannot share with yourself</source>
        <translation>無法分享給自己</translation>
    </message>
    <message>
        <source>this is already shared with that user</source>
        <translation>已分享給該使用者</translation>
    </message>
    <message>
        <source>the permission is not valid</source>
        <translation>權限無效</translation>
    </message>
    <message>
        <source>the external service does not exist</source>
        <translation>外部服務不存在</translation>
    </message>
    <message>
        <source>the external service has no such endpoint</source>
        <translation>外部服務沒有此端點</translation>
    </message>
    <message>
        <source>the external service&apos;s API description could not be read</source>
        <translation>無法讀取外部服務的 API 描述</translation>
    </message>
    <message>
        <source>the external service refused the credentials</source>
        <translation>外部服務拒絕了憑證</translation>
    </message>
    <message>
        <source>the request is larger than the server accepts</source>
        <translation>請求超過伺服器可接受的大小</translation>
    </message>
    <message>
        <source>the server&apos;s database reported an error</source>
        <translation>伺服器的資料庫回報錯誤</translation>
    </message>
    <message>
        <source>the server&apos;s database is busy; try again in a moment</source>
        <translation>伺服器的資料庫忙碌中；請稍後再試</translation>
    </message>
    <message>
        <source>the server&apos;s encryption self-test failed, so it does not run</source>
        <translation>伺服器的加密自我檢測失敗，因此無法執行</translation>
    </message>
    <message>
        <source>the server could not encrypt the data</source>
        <translation>伺服器無法加密資料</translation>
    </message>
    <message>
        <source>the encryption key of this data is missing on the server</source>
        <translation>伺服器上缺少此資料的加密金鑰</translation>
    </message>
    <message>
        <source>the server does not support this request; it may be older than the console</source>
        <translation>伺服器不支援此請求；它可能比主控台舊</translation>
    </message>
    <message>
        <source>the server could not read or write a file</source>
        <translation>伺服器無法讀取或寫入檔案</translation>
    </message>
    <message>
        <source>the server could not read the request</source>
        <translation>伺服器無法讀取此請求</translation>
    </message>
    <message>
        <source>someone else changed this meanwhile; reload it and try again</source>
        <translation>其他人在此期間已變更此項目；請重新載入後再試</translation>
    </message>
    <message>
        <source>the server refused the values entered; check them and try again</source>
        <translation>伺服器拒絕了輸入的值；請檢查後再試</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not the one pinned for it</source>
        <translation>伺服器的憑證與為它釘選的憑證不符</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is not trusted</source>
        <translation>伺服器的 TLS 憑證不受信任</translation>
    </message>
    <message>
        <source>your password must be changed first: sign out and sign in again</source>
        <translation>必須先變更您的密碼：請登出後重新登入</translation>
    </message>
    <message>
        <source>%1 is on a private network (%2), which the server may not reach for users; an administrator can allow it under Settings, &quot;Requests the server makes&quot;</source>
        <translation>%1 位於私有網路（%2），伺服器不會為使用者連線到該處；管理員可在「設定」的「伺服器發出的請求」中允許</translation>
    </message>
    <message>
        <source>this process is protected (pid 1 or the agent itself)</source>
        <translation>此行程受到保護（pid 1 或代理程式本身）</translation>
    </message>
    <message>
        <source>the agent&apos;s user is not allowed to signal this process</source>
        <translation>代理程式的使用者無權向此行程傳送訊號</translation>
    </message>
    <message>
        <source>the process has already ended</source>
        <translation>此行程已經結束</translation>
    </message>
    <message>
        <source>you have no grant for this on the node; ask an administrator</source>
        <translation>您在此節點上沒有這項授權；請洽管理員</translation>
    </message>
    <message>
        <source>the node&apos;s agent does not allow this (its own config decides)</source>
        <translation>節點的代理程式不允許此操作（由其本身的設定決定）</translation>
    </message>
    <message>
        <source>the node&apos;s agent is not connected right now</source>
        <translation>節點的代理程式目前未連線</translation>
    </message>
    <message>
        <source>confirm your password or a 2FA code first, then try again</source>
        <translation>請先確認密碼或雙因素驗證碼，再試一次</translation>
    </message>
    <message>
        <source>the path is not valid</source>
        <translation>路徑無效</translation>
    </message>
    <message>
        <source>the path leads outside the shared folder</source>
        <translation>路徑指向分享資料夾之外</translation>
    </message>
    <message>
        <source>the path goes through a symbolic link</source>
        <translation>路徑經過符號連結</translation>
    </message>
    <message>
        <source>the file has other hard links, so the agent leaves it alone</source>
        <translation>此檔案有其他硬連結，代理程式因此不處理它</translation>
    </message>
    <message>
        <source>this folder is read only on the node</source>
        <translation>此資料夾在節點上為唯讀</translation>
    </message>
    <message>
        <source>the node&apos;s agent shares no folders</source>
        <translation>節點的代理程式未分享任何資料夾</translation>
    </message>
    <message>
        <source>the node&apos;s agent no longer shares this folder</source>
        <translation>節點的代理程式已不再分享此資料夾</translation>
    </message>
    <message>
        <source>the file or folder does not exist (any more)</source>
        <translation>檔案或資料夾不存在（或已被移除）</translation>
    </message>
    <message>
        <source>a file or folder of that name already exists</source>
        <translation>已有同名的檔案或資料夾</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; download it instead</source>
        <translation>此檔案不是 UTF-8 文字，請改為下載</translation>
    </message>
    <message>
        <source>the file is too large for this</source>
        <translation>檔案太大，無法執行此操作</translation>
    </message>
    <message>
        <source>that is not a folder</source>
        <translation>那不是資料夾</translation>
    </message>
    <message>
        <source>that is a folder</source>
        <translation>那是資料夾</translation>
    </message>
    <message>
        <source>only files can be downloaded</source>
        <translation>只能下載檔案</translation>
    </message>
    <message>
        <source>the bytes that arrived do not match the file (checksum); nothing was written</source>
        <translation>收到的內容與檔案不符（校驗碼）；未寫入任何內容</translation>
    </message>
    <message>
        <source>the node no longer knows this upload</source>
        <translation>節點已不再記得此上傳</translation>
    </message>
    <message>
        <source>the file on this computer could not be read</source>
        <translation>無法讀取本機上的檔案</translation>
    </message>
    <message>
        <source>the file on this computer could not be written</source>
        <translation>無法寫入本機上的檔案</translation>
    </message>
    <message>
        <source>the file on this computer changed while it was read</source>
        <translation>本機上的檔案在讀取期間已變更</translation>
    </message>
    <message>
        <source>the download ended before its last byte</source>
        <translation>下載在最後一個位元組之前中斷</translation>
    </message>
</context>
<context>
    <name>ServiceText</name>
    <message>
        <source>Active</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>header</source>
        <translation>標頭</translation>
    </message>
    <message>
        <source>cookie</source>
        <translation>Cookie 參數</translation>
    </message>
    <message>
        <source>array of %1</source>
        <translation>%1 陣列</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 instead of a document.</source>
        <translation>%1 回應了 HTTP %2，而不是文件。</translation>
    </message>
    <message>
        <source>The service cannot be reached at %1: %2</source>
        <translation>無法連線到位於 %1 的服務：%2</translation>
    </message>
    <message>
        <source>The service cannot be reached: %1</source>
        <translation>無法連線到服務：%1</translation>
    </message>
    <message numerus="yes">
        <source>No OpenAPI document was found at the usual paths (%n tried). Give the schema URL, or add the endpoints by hand.</source>
        <translation>
            <numerusform>在常用路徑找不到 OpenAPI 文件（已嘗試 %n 個）。請提供結構描述網址，或手動新增端點。</numerusform>
        </translation>
    </message>
    <message>
        <source>The document is larger than the server reads (16 MiB).</source>
        <translation>文件超過伺服器可讀取的大小（16 MiB）。</translation>
    </message>
    <message>
        <source>The document at %1 could not be read (line %2): %3</source>
        <translation>無法讀取位於 %1 的文件（第 %2 行）：%3</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>無法讀取文件：%1</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>最多只能有 %1 個字元。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>請輸入名稱。</translation>
    </message>
    <message>
        <source>Choose a credential you may use, or none.</source>
        <translation>請選擇您可以使用的憑證，或不使用憑證。</translation>
    </message>
    <message>
        <source>The server refused this description.</source>
        <translation>伺服器拒絕了這段說明。</translation>
    </message>
    <message>
        <source>The server refused this value.</source>
        <translation>伺服器拒絕了這個值。</translation>
    </message>
    <message>
        <source>Enter an absolute http or https address without query, fragment or user name.</source>
        <translation>請輸入完整的 http 或 https 網址，不含查詢字串、片段或使用者名稱。</translation>
    </message>
    <message>
        <source>Enter a path under the base URL (starting with &quot;/&quot;) or an absolute http or https address. For a document on this computer, use Import from file... in the new-service wizard.</source>
        <translation>請輸入基底網址下的路徑（以「/」開頭）或完整的 http 或 https 網址。文件若在這台電腦上，請在新增服務精靈中使用「從檔案匯入…」。</translation>
    </message>
    <message>
        <source>%1 redirected somewhere the server does not follow (not http or https, or from https to http).</source>
        <translation>%1 重新導向至伺服器不會跟隨的位置（不是 http 或 https，或從 https 轉為 http）。</translation>
    </message>
    <message>
        <source>The document could not be read (line %1): %2</source>
        <translation>無法讀取文件（第 %1 行）：%2</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Can view and run</source>
        <translation>可檢視與執行</translation>
    </message>
    <message>
        <source>Can edit</source>
        <translation>可編輯</translation>
    </message>
    <message>
        <source>Can edit and share</source>
        <translation>可編輯與分享</translation>
    </message>
</context>
<context>
    <name>WgText</name>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Not up (error)</source>
        <translation>未啟動（錯誤）</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已過期</translation>
    </message>
    <message>
        <source>IPv4 only</source>
        <translation>僅 IPv4</translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation>僅 IPv6</translation>
    </message>
    <message>
        <source>Dual stack (IPv4 and IPv6)</source>
        <translation>雙堆疊（IPv4 與 IPv6）</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>從未</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分鐘前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小時前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>Another WireGuard server has this interface, or the server runs: %1</source>
        <translation>另一個 WireGuard 伺服器已使用此介面，或伺服器正在執行：%1</translation>
    </message>
    <message>
        <source>Another WireGuard server listens on this port.</source>
        <translation>另一個 WireGuard 伺服器已在監聽此連接埠。</translation>
    </message>
    <message>
        <source>This name is taken.</source>
        <translation>此名稱已被使用。</translation>
    </message>
    <message>
        <source>Another client has this address.</source>
        <translation>另一個用戶端已使用此位址。</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>伺服器拒絕：%1</translation>
    </message>
    <message>
        <source>Overlaps the subnet of another WireGuard server: %1</source>
        <translation>與另一個 WireGuard 伺服器的子網路重疊：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::AboutDialog</name>
    <message>
        <source>About HiveMind</source>
        <translation>關於 HiveMind</translation>
    </message>
    <message>
        <source>A self-hosted operations platform: design workflows, run them on the server&apos;s scheduler, connect your fleet over WireGuard and keep every secret encrypted.</source>
        <translation>自架的維運平台：設計工作流程、交由伺服器的排程器執行、透過 WireGuard 串連機群，並將所有機密加密保存。</translation>
    </message>
    <message>
        <source>This console is a client of the HiveMind server; in local mode it runs the server in-process on a loopback port.</source>
        <translation>此主控台是 HiveMind 伺服器的用戶端；在本機模式下，它會在同一程序內以回送位址的連接埠執行伺服器。</translation>
    </message>
</context>
<context>
    <name>hm::app::AccountDialog</name>
    <message>
        <source>My account</source>
        <translation>我的帳號</translation>
    </message>
</context>
<context>
    <name>hm::app::AccountPanel</name>
    <message>
        <source>The two new passwords differ.</source>
        <translation>兩次輸入的新密碼不一致。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>個人資料</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>雙重驗證</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>工作階段</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>使用者名稱：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>電子郵件：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>全名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Two-factor:</source>
        <translation>雙重驗證：</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>登出</translation>
    </message>
    <message>
        <source>End this console&apos;s session on the server.</source>
        <translation>結束此主控台在伺服器上的工作階段。</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in (File menu) to see your account.</source>
        <translation>目前無人登入。請登入（「檔案」選單）以檢視您的帳號。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>目前密碼：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密碼：</translation>
    </message>
    <message>
        <source>Repeat the new password:</source>
        <translation>再次輸入新密碼：</translation>
    </message>
    <message>
        <source>The server&apos;s password policy</source>
        <translation>伺服器的密碼原則</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>變更密碼</translation>
    </message>
    <message>
        <source>Your other sessions are signed out when the password changes.</source>
        <translation>變更密碼後，您的其他工作階段都會被登出。</translation>
    </message>
    <message>
        <source>Set up two-factor authentication...</source>
        <translation>設定雙重驗證…</translation>
    </message>
    <message>
        <source>Scan this code with an authenticator app (for example FreeOTP, Google Authenticator or 1Password), then enter the six-digit code it shows to turn two-factor authentication on.</source>
        <translation>請用驗證器應用程式掃描此條碼，再輸入其顯示的六位數驗證碼以啟用雙重驗證。</translation>
    </message>
    <message>
        <source>Or type this key into the app:</source>
        <translation>或在應用程式中手動輸入此金鑰：</translation>
    </message>
    <message>
        <source>Code from the app:</source>
        <translation>應用程式顯示的驗證碼：</translation>
    </message>
    <message>
        <source>Verify and turn on</source>
        <translation>驗證並啟用</translation>
    </message>
    <message>
        <source>Turn two-factor authentication off</source>
        <translation>停用雙重驗證</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密碼：</translation>
    </message>
    <message>
        <source>Current code:</source>
        <translation>目前驗證碼：</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Where you are signed in. Revoking a session signs that device out at its next request.</source>
        <translation>您目前登入的位置。撤銷工作階段後，該裝置會在下一次請求時被登出。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>裝置</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 位址</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登入時間</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>目前</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <source>Revoke all other sessions</source>
        <translation>撤銷其他所有工作階段</translation>
    </message>
    <message>
        <source>On</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>未啟用</translation>
    </message>
    <message>
        <source>Only administrators can read the policy in advance. The server checks the new password when you submit it and names any rule it breaks here.</source>
        <translation>只有管理員能事先讀取密碼原則。送出後，伺服器會檢查新密碼，並在此列出不符合的規則。</translation>
    </message>
    <message>
        <source>A new password needs:</source>
        <translation>新密碼需要：</translation>
    </message>
    <message>
        <source>Two-factor authentication is on: signing in asks for a code from your authenticator app.</source>
        <translation>雙重驗證已啟用：登入時需要輸入驗證器應用程式 的驗證碼。</translation>
    </message>
    <message>
        <source>Two-factor authentication is being set up. It is on once you verify a code.</source>
        <translation>正在設定雙重驗證。驗證一組驗證碼後即會啟用。</translation>
    </message>
    <message>
        <source>Two-factor authentication is off: signing in needs only your password.</source>
        <translation>雙重驗證未啟用：登入只需要密碼。</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>未知裝置</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>此主控台</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 個工作階段</numerusform>
        </translation>
    </message>
    <message>
        <source>This is the session of this console: use Sign out.</source>
        <translation>這是此主控台的工作階段：請使用「登出」。</translation>
    </message>
    <message>
        <source>Sign the selected session out.</source>
        <translation>登出所選的工作階段。</translation>
    </message>
    <message>
        <source>Revoke session</source>
        <translation>撤銷工作階段</translation>
    </message>
    <message>
        <source>Sign out the session on &quot;%1&quot; (%2)?</source>
        <translation>要登出「%1」（%2）上的工作階段嗎？</translation>
    </message>
    <message>
        <source>Revoke other sessions</source>
        <translation>撤銷其他工作階段</translation>
    </message>
    <message>
        <source>Sign out every other device where you are signed in? This console stays signed in.</source>
        <translation>要登出您已登入的其他所有裝置嗎？此主控台會保持登入。</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>請輸入目前的密碼。</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>請輸入新密碼。</translation>
    </message>
    <message>
        <source>Your password was changed. Your other sessions were signed out.</source>
        <translation>密碼已變更。您的其他工作階段已被登出。</translation>
    </message>
    <message>
        <source>Enter the six-digit code your authenticator app shows.</source>
        <translation>請輸入驗證器應用程式 顯示的六位數驗證碼。</translation>
    </message>
    <message>
        <source>Enter your password and the code your authenticator app shows.</source>
        <translation>請輸入密碼及驗證器應用程式 顯示的驗證碼。</translation>
    </message>
    <message>
        <source>Regenerate recovery codes</source>
        <translation>重新產生復原碼</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>復原碼</translation>
    </message>
    <message>
        <source>Keep these codes somewhere safe. Each one signs you in once instead of a code from your authenticator app. They are shown only now.</source>
        <translation>請將這些復原碼存放在安全的地方。每個復原碼可代替驗證器應用程式的驗證碼登入一次。它們只會在此時顯示。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copies the codes; the clipboard is cleared after 30 seconds.</source>
        <translation>複製這些復原碼；剪貼簿會在 30 秒後清除。</translation>
    </message>
    <message>
        <source>I have saved them</source>
        <translation>我已保存</translation>
    </message>
    <message>
        <source>Language for e-mails:</source>
        <translation>電子郵件語言：</translation>
    </message>
    <message>
        <source>The language of the e-mails the server sends you, such as password resets.</source>
        <translation>伺服器寄給您的電子郵件（例如密碼重設）所使用的語言。</translation>
    </message>
    <message>
        <source>Could not read it: %1</source>
        <translation>無法讀取：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <source>Sign out others</source>
        <translation>登出其他裝置</translation>
    </message>
</context>
<context>
    <name>hm::app::AgentReleasesDialog</name>
    <message>
        <source>%1 for %2/%3</source>
        <translation>%1，適用於 %2/%3</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>內建</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上傳</translation>
    </message>
    <message>
        <source>The agent built with this server, offered without an upload.</source>
        <translation>與此伺服器一起組建的代理程式，無須上傳即可提供。</translation>
    </message>
    <message>
        <source>Uploaded by an administrator.</source>
        <translation>由管理員上傳。</translation>
    </message>
    <message>
        <source>Reading the releases...</source>
        <translation>正在讀取版本…</translation>
    </message>
    <message>
        <source>The releases could not be read: %1</source>
        <translation>無法讀取版本：%1</translation>
    </message>
    <message>
        <source>No agent releases yet. Upload a build of hivemind-agent, or run the server next to the agent it was built with: it offers that one by itself.</source>
        <translation>尚無代理程式版本。請上傳 hivemind-agent 組建，或讓伺服器與一起組建的代理程式放在同一目錄執行：伺服器會自動提供該版本。</translation>
    </message>
    <message>
        <source>Type the build&apos;s version first, dotted numbers such as 1.4.0.</source>
        <translation>請先輸入組建的版本，以點分隔的數字，例如 1.4.0。</translation>
    </message>
    <message>
        <source>Choose the agent build</source>
        <translation>選擇代理程式組建</translation>
    </message>
    <message>
        <source>The build was not uploaded: %1</source>
        <translation>組建未上傳：%1</translation>
    </message>
    <message>
        <source>Version %1 was uploaded and signed.</source>
        <translation>版本 %1 已上傳並簽署。</translation>
    </message>
    <message>
        <source>There is no release to upgrade to yet.</source>
        <translation>尚無可升級的版本。</translation>
    </message>
    <message>
        <source>Upgrade many nodes&apos; agents to the selected release, in stages.</source>
        <translation>分階段將多個節點的代理程式升級到所選版本。</translation>
    </message>
    <message>
        <source>Agent releases</source>
        <translation>代理程式版本</translation>
    </message>
    <message>
        <source>The agent builds this server offers to its nodes. Each is signed with the server&apos;s release key; agents install only builds signed with the key they received at enrolment.</source>
        <translation>此伺服器提供給節點的代理程式組建。每個組建都以伺服器的發行金鑰簽署；代理程式只安裝以註冊時取得之金鑰簽署的組建。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>協定</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入時間</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>e.g. 1.4.0</source>
        <translation>例如 1.4.0</translation>
    </message>
    <message>
        <source>Upload build...</source>
        <translation>上傳組建…</translation>
    </message>
    <message>
        <source>Choose a hivemind-agent binary (up to 128 MiB) to offer as this version.</source>
        <translation>選擇要以此版本提供的 hivemind-agent 執行檔（最多 128 MiB）。</translation>
    </message>
    <message>
        <source>Upgrade agents...</source>
        <translation>升級代理程式…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>hm::app::AgentRolloutDialog</name>
    <message>
        <source>The nodes could not be read: %1</source>
        <translation>無法讀取節點：%1</translation>
    </message>
    <message numerus="yes">
        <source>Upgrade the agents of %n node(s) to version %1? Each restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>
            <numerusform>要將 %n 個節點的代理程式升級到版本 %1 嗎？每個代理程式會以新組建重新啟動，若無法連上伺服器則會回復舊版。</numerusform>
        </translation>
    </message>
    <message>
        <source>Upgrade agents</source>
        <translation>升級代理程式</translation>
    </message>
    <message>
        <source>Upgrading: the first node alone, then the next stages...</source>
        <translation>升級中：先升級第一個節點，再進行後續階段…</translation>
    </message>
    <message>
        <source>The upgrade did not start: %1</source>
        <translation>升級未開始：%1</translation>
    </message>
    <message>
        <source>Upgraded: %1 · failed: %2 · offline: %3 · not found: %4 · not tried: %5</source>
        <translation>已升級：%1 · 失敗：%2 · 離線：%3 · 找不到：%4 · 未嘗試：%5</translation>
    </message>
    <message>
        <source>Waiting for its stage...</source>
        <translation>等待所屬階段…</translation>
    </message>
    <message>
        <source>Upgraded to %1</source>
        <translation>已升級到 %1</translation>
    </message>
    <message>
        <source>Failed: rolled back to the old agent</source>
        <translation>失敗：已回復為舊的代理程式</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>失敗（%1）</translation>
    </message>
    <message>
        <source>Offline: not tried</source>
        <translation>離線：未嘗試</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>Not tried: an earlier stage failed</source>
        <translation>未嘗試：先前的階段失敗</translation>
    </message>
    <message>
        <source>Tick the nodes to upgrade first.</source>
        <translation>請先勾選要升級的節點。</translation>
    </message>
    <message>
        <source>First one node, then %1 % of the rest, then the rest. The first failure stops the rollout.</source>
        <translation>先升級一個節點，再升級其餘的 %1 %，最後升級剩下的節點。第一次失敗即停止推出。</translation>
    </message>
    <message>
        <source>Choose the release and the nodes. Their agents are upgraded in stages and each node&apos;s result shows as it ends.</source>
        <translation>選擇版本與節點。其代理程式會分階段升級，每個節點完成時即顯示結果。</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>版本(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>標籤(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. prod</source>
        <translation>例如 prod</translation>
    </message>
    <message>
        <source>Select labelled</source>
        <translation>選取有此標籤者</translation>
    </message>
    <message>
        <source>Tick exactly the nodes with this label.</source>
        <translation>只勾選帶有此標籤的節點。</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>代理程式版本</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Waiting for enrolment</source>
        <translation>等待註冊</translation>
    </message>
    <message>
        <source>&amp;Second stage:</source>
        <translation>第二階段(&amp;S)：</translation>
    </message>
    <message>
        <source>Start upgrade</source>
        <translation>開始升級</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Agent upgrade to %1</source>
        <translation>將代理程式升級到 %1</translation>
    </message>
    <message>
        <source>Not started: the password was not given.</source>
        <translation>未開始：未提供密碼。</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升級</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertChannelDialog</name>
    <message>
        <source>Edit channel</source>
        <translation>編輯通知管道</translation>
    </message>
    <message>
        <source>Each alert that fires or resolves is posted to the URL as JSON, signed with the secret (the X-HiveMind-Signature header, HMAC-SHA256), and tried again for a while when the receiver does not answer.</source>
        <translation>每則觸發或解決的告警都會以 JSON 格式 POST 到此 URL，並以密鑰簽署；接收端沒有回應時，會在一段時間內重試。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>網址(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>密鑰(&amp;S)：</translation>
    </message>
    <message>
        <source>Unchanged; type to replace it</source>
        <translation>維持不變；輸入即可取代</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 到 %2 個字元</translation>
    </message>
    <message>
        <source>The receiver checks each message&apos;s signature with it. It is stored sealed and never shown again.</source>
        <translation>接收端用它驗證每則訊息的簽章。密鑰會加密保存，且不會再次顯示。</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>產生</translation>
    </message>
    <message>
        <source>A random secret, shown so that you can give it to the receiver.</source>
        <translation>產生隨機密鑰並顯示出來，以便提供給接收端。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copies the secret; the clipboard is cleared after 30 seconds.</source>
        <translation>複製密鑰；剪貼簿會在 30 秒後清除。</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>啟用(&amp;E)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A channel needs a name.</source>
        <translation>通知管道需要名稱。</translation>
    </message>
    <message>
        <source>An http:// or https:// address.</source>
        <translation>請輸入 http:// 或 https:// 位址。</translation>
    </message>
    <message>
        <source>%1 to %2 characters.</source>
        <translation>%1 到 %2 個字元。</translation>
    </message>
    <message>
        <source>For example %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>新建通知管道</translation>
    </message>
    <message>
        <source>Each alert that fires or resolves is mailed to the recipients through your SMTP server, over STARTTLS or TLS unless you choose otherwise, and tried again for a while when the server is unavailable.</source>
        <translation>每則觸發或解決的告警都會透過您的 SMTP 伺服器寄給收件人，除非另行選擇，一律使用 STARTTLS 或 TLS；伺服器無法使用時，會在一段時間內重試。</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>類型(&amp;T)：</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook 回呼</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTP 伺服器(&amp;S)：</translation>
    </message>
    <message>
        <source>587 for STARTTLS, 465 for TLS.</source>
        <translation>STARTTLS 用 587，TLS 用 465。</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>安全性(&amp;C)：</translation>
    </message>
    <message>
        <source>STARTTLS (recommended)</source>
        <translation>STARTTLS（建議）</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS（隱含式）</translation>
    </message>
    <message>
        <source>None: only for a relay on a trusted network</source>
        <translation>無：僅限受信任網路上的轉送伺服器</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>使用者名稱(&amp;M)：</translation>
    </message>
    <message>
        <source>Optional: no sign-in when empty</source>
        <translation>選填：留空則不登入</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>The SMTP user&apos;s password</source>
        <translation>SMTP 使用者的密碼</translation>
    </message>
    <message>
        <source>Stored sealed and never shown again.</source>
        <translation>加密保存，且不會再次顯示。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>寄件者(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件者(&amp;T)：</translation>
    </message>
    <message>
        <source>Addresses, separated by commas</source>
        <translation>以逗號分隔的位址</translation>
    </message>
    <message>
        <source>Trusted C&amp;A:</source>
        <translation>信任的憑證機構(&amp;A)：</translation>
    </message>
    <message>
        <source>Optional: the PEM certificate of a private CA the SMTP server&apos;s certificate is signed by</source>
        <translation>選填：簽發 SMTP 伺服器憑證的私有憑證機構之 PEM 憑證</translation>
    </message>
    <message>
        <source>One e-mail address.</source>
        <translation>請輸入一個電子郵件位址。</translation>
    </message>
    <message>
        <source>1 to 20 e-mail addresses, separated by commas.</source>
        <translation>1 到 20 個電子郵件位址，以逗號分隔。</translation>
    </message>
    <message>
        <source>A user name needs its password.</source>
        <translation>有使用者名稱就需要密碼。</translation>
    </message>
    <message>
        <source>A PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>PEM 憑證（&quot;-----BEGIN CERTIFICATE-----&quot;）。</translation>
    </message>
    <message>
        <source>Port </source>
        <translation>連接埠 </translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>The language of the messages&apos; subject and text.</source>
        <translation>郵件主旨與內文所用的語言。</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隱藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>顯示</translation>
    </message>
    <message>
        <source>Shows the secret so that you can check and select it.</source>
        <translation>顯示密鑰，方便核對與選取。</translation>
    </message>
    <message>
        <source>The SMTP server&apos;s host name.</source>
        <translation>SMTP 伺服器的主機名稱。</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertChannelModel</name>
    <message>
        <source>Webhook</source>
        <translation>Webhook 回呼</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>傳送至</translation>
    </message>
    <message>
        <source>%1 (through %2)</source>
        <translation>%1（經由 %2）</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertNotifier</name>
    <message>
        <source>Resolved: %1</source>
        <translation>已解決：%1</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <source>%1 is back to normal.</source>
        <translation>%1 已恢復正常。</translation>
    </message>
    <message>
        <source>%1 is offline.</source>
        <translation>%1 已離線。</translation>
    </message>
    <message>
        <source>%1: %2, over the threshold of %3.</source>
        <translation>%1：%2，超過閾值 %3。</translation>
    </message>
    <message>
        <source>%1: %2 (%3).</source>
        <translation>%1：%2（%3）。</translation>
    </message>
    <message>
        <source>%1: resolved by %2.</source>
        <translation>%1：已由 %2 解決。</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertRecordModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>The rule was deleted since.</source>
        <translation>此規則之後已被刪除。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>條件</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>觸發時間</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertRuleDialog</name>
    <message>
        <source>Edit alert rule</source>
        <translation>編輯告警規則</translation>
    </message>
    <message>
        <source>New alert rule</source>
        <translation>新建告警規則</translation>
    </message>
    <message>
        <source>A changed rule starts over: its open alerts resolve and it is checked afresh against the next reports.</source>
        <translation>變更後的規則會重新開始：其未解決的告警會被解決，並以之後的回報重新檢查。</translation>
    </message>
    <message>
        <source>The server checks every report of the nodes the rule applies to and raises an alert when the condition holds for the time given.</source>
        <translation>伺服器會檢查規則適用節點的每一筆回報，當條件持續達指定時間時發出告警。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Watch:</source>
        <translation>監看(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Over:</source>
        <translation>超過(&amp;O)：</translation>
    </message>
    <message>
        <source>Offline &amp;for:</source>
        <translation>離線持續(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>持續(&amp;F)：</translation>
    </message>
    <message>
        <source>0: the first report over the threshold fires. At most 24 hours.</source>
        <translation>0：第一筆超過閾值的回報即觸發。最長 24 小時。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分鐘</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小時</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>套用於(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>啟用(&amp;E)</translation>
    </message>
    <message>
        <source>A disabled rule is kept but not checked.</source>
        <translation>停用的規則會保留，但不會被檢查。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>An offline rule has no threshold: it fires when the agent has been away for the time below.</source>
        <translation>離線規則沒有閾值：代理程式離線達下方時間即觸發。</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/秒</translation>
    </message>
    <message>
        <source>Node offline</source>
        <translation>節點離線</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>A rule needs a name.</source>
        <translation>規則需要名稱。</translation>
    </message>
    <message>
        <source>Pick the node the rule watches.</source>
        <translation>請選擇此規則監看的節點。</translation>
    </message>
    <message>
        <source>&amp;Probe:</source>
        <translation>探測(&amp;P)：</translation>
    </message>
    <message>
        <source>No probe yet: add one under Probes</source>
        <translation>尚無探測：請在「探測」分頁新增</translation>
    </message>
    <message>
        <source>The probes could not be read: %1</source>
        <translation>無法讀取探測：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>A probe rule has no threshold: it fires while the probe finds its target down.</source>
        <translation>探測規則沒有門檻值：探測發現目標失敗時即觸發。</translation>
    </message>
    <message>
        <source>&amp;Under:</source>
        <translation>低於(&amp;U)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>a probe</source>
        <translation>某個探測</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 失敗</translation>
    </message>
    <message>
        <source>Certificate of %1 %2</source>
        <translation>%1 的 TLS 憑證 %2</translation>
    </message>
    <message>
        <source>Pick the probe the rule watches.</source>
        <translation>請選擇規則監看的探測。</translation>
    </message>
    <message>
        <source>Re&amp;mind:</source>
        <translation>再次通知(&amp;M)：</translation>
    </message>
    <message>
        <source>While an alert of this rule stays open, its channels are told again this often.</source>
        <translation>此規則的告警持續未解決時，依此間隔再次通知其通道。</translation>
    </message>
    <message>
        <source>&amp;Container:</source>
        <translation>容器(&amp;C)：</translation>
    </message>
    <message>
        <source>A name, web-* or any</source>
        <translation>名稱、web-* 或 any</translation>
    </message>
    <message>
        <source>The container&apos;s name as Docker shows it; * and ? match any characters, any watches every container of the node.</source>
        <translation>Docker 顯示的容器名稱；* 與 ? 可代表任意字元，any 則監看節點上的所有容器。</translation>
    </message>
    <message>
        <source>A container rule has no threshold: it fires while one of its containers is down (or unhealthy).</source>
        <translation>容器規則沒有門檻值：只要其中一個容器停止執行（或狀態不良）就會觸發。</translation>
    </message>
    <message>
        <source>Name the container, a pattern such as web-*, or any.</source>
        <translation>請輸入容器名稱、web-* 之類的樣式，或 any。</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertRuleModel</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>條件</translation>
    </message>
    <message>
        <source>For</source>
        <translation>持續</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>套用於</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>再次通知</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertsPage</name>
    <message>
        <source>No alerts yet</source>
        <translation>尚無告警</translation>
    </message>
    <message>
        <source>More alerts could not be read: %1</source>
        <translation>無法讀取更多告警：%1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>What fired on your nodes, and the rules the server checks every report against.</source>
        <translation>節點上觸發的告警，以及伺服器用來檢查每筆回報的規則。</translation>
    </message>
    <message>
        <source>New rule...</source>
        <translation>新建規則…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未解決的告警</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>所有告警</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>所有類型</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a rule first.</source>
        <translation>請先選擇一條規則。</translation>
    </message>
    <message>
        <source>A rule that raises an alert when nodes report a value over a threshold or go offline.</source>
        <translation>當節點回報的數值超過閾值或離線時發出告警的規則。</translation>
    </message>
    <message>
        <source>Change what the rule watches and where.</source>
        <translation>變更規則監看的內容與範圍。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>Keep the rule but stop checking it; its open alerts resolve.</source>
        <translation>保留規則但停止檢查；其未解決的告警會被解決。</translation>
    </message>
    <message>
        <source>Check the rule again from the next reports.</source>
        <translation>從之後的回報開始再次檢查此規則。</translation>
    </message>
    <message>
        <source>Delete the rule; the alerts it raised stay in the history.</source>
        <translation>刪除規則；它發出的告警仍保留在歷史中。</translation>
    </message>
    <message>
        <source>Select an alert first.</source>
        <translation>請先選擇一則告警。</translation>
    </message>
    <message>
        <source>This alert is resolved already.</source>
        <translation>此告警已經解決。</translation>
    </message>
    <message>
        <source>Mark the alert resolved. While its condition still holds no new alert opens; the rule fires again once it cleared.</source>
        <translation>將告警標記為已解決。條件仍成立時不會產生新告警；條件解除後規則才會再次觸發。</translation>
    </message>
    <message>
        <source>The alerts could not be read</source>
        <translation>無法讀取告警</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No alert of this type</source>
        <translation>沒有此類型的告警</translation>
    </message>
    <message>
        <source>No %1 alert is open.</source>
        <translation>沒有未解決的「%1」告警。</translation>
    </message>
    <message>
        <source>No %1 alert has fired.</source>
        <translation>從未觸發過「%1」告警。</translation>
    </message>
    <message>
        <source>Nothing is firing</source>
        <translation>目前沒有觸發中的告警</translation>
    </message>
    <message>
        <source>Every node is within its rules. Alerts that fired and resolved are under &quot;All alerts&quot;.</source>
        <translation>所有節點都符合規則。已觸發並解決的告警可在「所有告警」中查看。</translation>
    </message>
    <message>
        <source>No rule watches the nodes yet. Create one under Rules: the server raises an alert here and on this desktop when it fires.</source>
        <translation>目前沒有規則監看節點。請在「規則」中建立一條：觸發時，伺服器會在此處與此桌面發出告警。</translation>
    </message>
    <message>
        <source>Show all alerts</source>
        <translation>顯示所有告警</translation>
    </message>
    <message>
        <source>No rule has fired. Alerts that fire and resolve stay here as the history.</source>
        <translation>尚未有規則觸發。觸發及解決的告警會作為歷史保留在此。</translation>
    </message>
    <message>
        <source>The rules could not be read</source>
        <translation>無法讀取規則</translation>
    </message>
    <message>
        <source>No rules yet</source>
        <translation>尚無規則</translation>
    </message>
    <message>
        <source>A rule watches one value of your nodes (CPU, memory, disk, load, network) or whether they are online, and raises an alert when it holds for the time you give.</source>
        <translation>規則監看節點的一項數值（處理器、記憶體、磁碟、負載、網路）或節點是否在線，並在條件持續達您指定的時間時發出告警。</translation>
    </message>
    <message>
        <source>Sign in to see the alerts.</source>
        <translation>登入後即可查看告警。</translation>
    </message>
    <message>
        <source>Loading rules...</source>
        <translation>正在載入規則…</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n 條規則</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading alerts...</source>
        <translation>正在載入告警…</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n 則告警觸發中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alert(s) shown</source>
        <translation>
            <numerusform>顯示 %1 / %n 則告警</numerusform>
        </translation>
    </message>
    <message>
        <source>The rule was not changed: %1</source>
        <translation>規則未變更：%1</translation>
    </message>
    <message>
        <source>Delete alert rule</source>
        <translation>刪除告警規則</translation>
    </message>
    <message>
        <source>Delete the rule &quot;%1&quot;? Its open alerts resolve; the alerts it raised stay in the history.</source>
        <translation>要刪除規則「%1」嗎？其未解決的告警會被解決；它發出的告警仍保留在歷史中。</translation>
    </message>
    <message>
        <source>The rule was not deleted: %1</source>
        <translation>規則未刪除：%1</translation>
    </message>
    <message>
        <source>The alert was not resolved: %1</source>
        <translation>告警未解決：%1</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通知管道</translation>
    </message>
    <message>
        <source>New channel...</source>
        <translation>新建通知管道…</translation>
    </message>
    <message>
        <source>Select a channel first.</source>
        <translation>請先選擇一個通知管道。</translation>
    </message>
    <message>
        <source>Change the URL, the secret or the name.</source>
        <translation>變更 URL、密鑰或名稱。</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>測試中…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>測試</translation>
    </message>
    <message>
        <source>Send a test message now and say how it went.</source>
        <translation>立即傳送測試訊息並顯示結果。</translation>
    </message>
    <message>
        <source>Delete the channel and the record of its deliveries.</source>
        <translation>刪除此通知管道及其傳送紀錄。</translation>
    </message>
    <message>
        <source>Channels are for administrators</source>
        <translation>通知管道僅供管理員設定</translation>
    </message>
    <message>
        <source>The channels could not be read</source>
        <translation>無法讀取通知管道</translation>
    </message>
    <message>
        <source>No channels yet</source>
        <translation>尚無通知管道</translation>
    </message>
    <message>
        <source>Loading channels...</source>
        <translation>正在載入通知管道…</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n 個通知管道</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending a test message to &quot;%1&quot;...</source>
        <translation>正在傳送測試訊息到「%1」…</translation>
    </message>
    <message>
        <source>The channel was not tested: %1</source>
        <translation>未能測試通知管道：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; received the test message (HTTP %2, %3 ms).</source>
        <translation>「%1」已收到測試訊息（HTTP %2，%3 毫秒）。</translation>
    </message>
    <message>
        <source>The test message to &quot;%1&quot; failed: %2.</source>
        <translation>傳送到「%1」的測試訊息失敗：%2。</translation>
    </message>
    <message>
        <source>Delete channel</source>
        <translation>刪除通知管道</translation>
    </message>
    <message>
        <source>Delete the channel &quot;%1&quot;? Alerts are no longer sent there; the record of its deliveries goes with it.</source>
        <translation>要刪除通知管道「%1」嗎？告警將不再傳送到該處，其傳送紀錄也會一併刪除。</translation>
    </message>
    <message>
        <source>The channel was not deleted: %1</source>
        <translation>未能刪除通知管道：%1</translation>
    </message>
    <message>
        <source>A webhook or a mailbox that receives every alert that fires or resolves.</source>
        <translation>接收每則觸發或解決告警的 Webhook 或信箱。</translation>
    </message>
    <message>
        <source>Administrators choose where alerts are sent besides the consoles: webhooks and mailboxes that receive every alert. The alerts and rules are yours to read.</source>
        <translation>除了主控台之外，告警要傳送到哪裡由管理員決定：接收每則告警的 Webhook 與信箱。您可以查看告警與規則。</translation>
    </message>
    <message>
        <source>Alerts show here and on the desktops of the consoles signed in. Add a webhook or an e-mail channel to send them to a chat, a pager, a mailbox or your own tooling as well.</source>
        <translation>告警會顯示在此處以及已登入主控台的桌面上。新增 Webhook 或電子郵件通知管道，即可同時將告警傳送到聊天室、呼叫器、信箱或您自己的工具。</translation>
    </message>
    <message>
        <source>The SMTP server took the test message for &quot;%1&quot; (reply %2, %3 ms).</source>
        <translation>SMTP 伺服器已收下「%1」的測試訊息（回覆碼 %2，%3 毫秒）。</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>探測</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>維護</translation>
    </message>
    <message>
        <source>Plan maintenance...</source>
        <translation>規劃維護…</translation>
    </message>
    <message>
        <source>End now...</source>
        <translation>立即結束…</translation>
    </message>
    <message>
        <source>Hold back the alerts of some nodes while you work on them.</source>
        <translation>在您處理部分節點期間暫緩其告警。</translation>
    </message>
    <message>
        <source>End the window now: its nodes raise alerts again.</source>
        <translation>立即結束此維護時段：其節點將再次觸發告警。</translation>
    </message>
    <message>
        <source>Select a window first.</source>
        <translation>請先選取一個維護時段。</translation>
    </message>
    <message>
        <source>The maintenance windows could not be read</source>
        <translation>無法讀取維護時段</translation>
    </message>
    <message>
        <source>No maintenance planned</source>
        <translation>尚未規劃維護</translation>
    </message>
    <message>
        <source>Before you reboot or upgrade nodes, plan a window: the rules raise no alert on the nodes it covers until it ends, so nobody is paged for work you expect.</source>
        <translation>重新啟動或升級節點前，請先規劃維護時段：時段結束前，規則不會對其涵蓋的節點觸發告警，預期中的作業就不會驚動值班人員。</translation>
    </message>
    <message>
        <source>Plan maintenance</source>
        <translation>規劃維護</translation>
    </message>
    <message>
        <source>Loading maintenance windows...</source>
        <translation>正在載入維護時段…</translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance window(s), %1 in progress</source>
        <translation>
            <numerusform>%n 個維護時段，%1 個進行中</numerusform>
        </translation>
    </message>
    <message>
        <source>End the window &quot;%1&quot; now? Its nodes raise alerts again; a value still over its threshold fires once the rule&apos;s time has passed.</source>
        <translation>要立即結束維護時段「%1」嗎？其節點將再次觸發告警；仍超過閾值的數值會在規則的持續時間過後觸發。</translation>
    </message>
    <message>
        <source>Cancel the planned window &quot;%1&quot;? Alerts will not be held back.</source>
        <translation>要取消已規劃的維護時段「%1」嗎？告警將不再暫緩。</translation>
    </message>
    <message>
        <source>End maintenance</source>
        <translation>結束維護</translation>
    </message>
    <message>
        <source>The window was not ended: %1</source>
        <translation>維護時段未能結束：%1</translation>
    </message>
    <message>
        <source>Unhealthy containers on %1: %2</source>
        <translation>%1 上狀態不良的容器：%2</translation>
    </message>
    <message>
        <source>Containers down on %1: %2</source>
        <translation>%1 上已停止的容器：%2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>立即結束</translation>
    </message>
    <message>
        <source>Cancel window</source>
        <translation>取消時段</translation>
    </message>
    <message>
        <source>Keep window</source>
        <translation>保留時段</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeyDialog</name>
    <message>
        <source>&quot;%1&quot; is not an IP address or a CIDR range such as 10.0.0.0/8.</source>
        <translation>「%1」不是 IP 位址，也不是 10.0.0.0/8 之類的網段。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with &quot;/&quot;, for example /api/v1/flows*.</source>
        <translation>「%1」必須以「/」開頭，例如 &quot;/api/v1/flows*&quot;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a path pattern: use a path with * as the wildcard.</source>
        <translation>「%1」不是路徑樣式：請使用以 * 為萬用字元的路徑。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a permission: use area.view, area.execute, area.edit, area.* or *.</source>
        <translation>「%1」不是權限：請使用 &quot;area.view&quot;、&quot;area.execute&quot;、&quot;area.edit&quot;、&quot;area.*&quot; 或 &quot;*&quot;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an area of the server; known: %2.</source>
        <translation>「%1」不是伺服器的範圍；已知範圍：%2。</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>新增 API 金鑰</translation>
    </message>
    <message>
        <source>A key lets a script or another program use the API as you, limited to what you choose here. Its secret is shown once, after it is created.</source>
        <translation>金鑰讓指令碼或其他程式以您的身分使用 API，並受限於此處的設定。金鑰內容只會在建立後顯示一次。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>說明：</translation>
    </message>
    <message>
        <source>Access level:</source>
        <translation>存取層級：</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>權限：</translation>
    </message>
    <message>
        <source>Allowed IPs:</source>
        <translation>允許的 IP：</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>端點：</translation>
    </message>
    <message>
        <source>Rate / burst:</source>
        <translation>速率／突發：</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>到期：</translation>
    </message>
    <message>
        <source>e.g. nightly backup script</source>
        <translation>例如：每晚備份指令碼</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>GET requests only.</source>
        <translation>僅限讀取（&quot;GET&quot;）請求。</translation>
    </message>
    <message>
        <source>Reads and changes, as a user.</source>
        <translation>以使用者身分讀取與變更。</translation>
    </message>
    <message>
        <source>Everything an administrator may do.</source>
        <translation>管理員可執行的一切操作。</translation>
    </message>
    <message>
        <source>empty = all the access level allows; e.g. flows.view, executions.execute</source>
        <translation>留空 = 存取層級允許的全部；例如 &quot;flows.view, executions.execute&quot;</translation>
    </message>
    <message>
        <source>area.view, area.execute, area.edit, area.* or *, separated by commas.</source>
        <translation>&quot;area.view&quot;、&quot;area.execute&quot;、&quot;area.edit&quot;、&quot;area.*&quot; 或 &quot;*&quot;，以逗號分隔。</translation>
    </message>
    <message>
        <source>empty = any address; one address or CIDR per line, e.g. 192.168.1.0/24</source>
        <translation>留空 = 任何位址；每行一個位址或網段，例如 192.168.1.0/24</translation>
    </message>
    <message>
        <source>empty = every endpoint; one path pattern per line, e.g. /api/v1/flows*</source>
        <translation>留空 = 所有端點；每行一個路徑樣式，例如 &quot;/api/v1/flows*&quot;</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>伺服器預設</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> 次／分鐘</translation>
    </message>
    <message>
        <source>Requests per minute this key may make; 0 keeps the server&apos;s default.</source>
        <translation>此金鑰每分鐘可發出的請求數；0 表示使用伺服器預設值。</translation>
    </message>
    <message>
        <source>no burst</source>
        <translation>無突發</translation>
    </message>
    <message>
        <source> burst</source>
        <translation> 突發</translation>
    </message>
    <message>
        <source>Requests the key may make at once above its rate (token bucket); needs a rate limit.</source>
        <translation>金鑰可在速率之外一次發出的請求數（權杖桶）；需先設定速率限制。</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>建立金鑰</translation>
    </message>
    <message>
        <source>A key needs a name.</source>
        <translation>金鑰需要名稱。</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>到期時間必須是未來的時間。</translation>
    </message>
    <message>
        <source>Everything the access level allows (*)</source>
        <translation>存取層級允許的全部 (*)</translation>
    </message>
    <message>
        <source>View (%1)</source>
        <translation>檢視 (%1)</translation>
    </message>
    <message>
        <source>Run (%1)</source>
        <translation>執行 (%1)</translation>
    </message>
    <message>
        <source>Change (%1)</source>
        <translation>變更 (%1)</translation>
    </message>
    <message>
        <source>Everything in this area (%1)</source>
        <translation>此範圍的全部 (%1)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Pick permissions from the ones the server defines</source>
        <translation>從伺服器定義的權限中挑選</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeyListModel</name>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>as the access level</source>
        <translation>依存取層級</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1 次／分鐘</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>伺服器預設</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未使用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>存取</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>權限</translation>
    </message>
    <message>
        <source>Allowed IPs</source>
        <translation>允許的 IP</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>突發</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeySecretDialog</name>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s) if it still holds the key.</source>
        <translation>
            <numerusform>已複製。若剪貼簿仍是此金鑰，將於 %n 秒後清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>已建立 API 金鑰</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; was created.</source>
        <translation>已建立金鑰「%1」。</translation>
    </message>
    <message>
        <source>Copy the key now: this is the only time it is shown. The server keeps only a hash of it; if it is lost, revoke it and create a new one. Send it as the X-API-Key header.</source>
        <translation>請立即複製金鑰：它只會顯示這一次。伺服器只保存其雜湊值；若遺失，請撤銷後再建立新的金鑰。使用時請放在 &quot;X-API-Key&quot; 標頭中。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeysPanel</name>
    <message>
        <source>Keys let scripts and other programs use the server&apos;s API as you, within the limits set on each key.</source>
        <translation>金鑰讓指令碼與其他程式以您的身分使用伺服器的 API，並受各金鑰的限制約束。</translation>
    </message>
    <message>
        <source>New API key...</source>
        <translation>新增 API 金鑰…</translation>
    </message>
    <message>
        <source>Revoke...</source>
        <translation>撤銷…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Create a key; its secret is shown once.</source>
        <translation>建立金鑰；金鑰內容只顯示一次。</translation>
    </message>
    <message>
        <source>Revoke the selected key: programs using it stop working at once.</source>
        <translation>撤銷所選金鑰：使用它的程式會立即失效。</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>請先選取金鑰。</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in to see your API keys.</source>
        <translation>目前無人登入。請登入以檢視您的 API 金鑰。</translation>
    </message>
    <message>
        <source>Loading API keys...</source>
        <translation>正在載入 API 金鑰…</translation>
    </message>
    <message>
        <source>The keys could not be read: %1</source>
        <translation>無法讀取金鑰：%1</translation>
    </message>
    <message>
        <source>You have no API keys. Viewers cannot create keys; ask an administrator if a program needs one.</source>
        <translation>您沒有 API 金鑰。檢視者無法建立金鑰；若程式需要，請洽詢管理員。</translation>
    </message>
    <message>
        <source>You have no API keys yet. Create one with &quot;New API key&quot; when a script or program needs to use the API.</source>
        <translation>您還沒有 API 金鑰。當指令碼或程式需要使用 API 時，請按「新增 API 金鑰」建立。</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 把金鑰</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>撤銷 API 金鑰</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot; (%2)? Programs using it are refused from now on. This cannot be undone.</source>
        <translation>要撤銷金鑰「%1」（%2）嗎？使用它的程式從此會被拒絕。此操作無法復原。</translation>
    </message>
    <message>
        <source>The key was not revoked: %1</source>
        <translation>金鑰未撤銷：%1</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤銷</translation>
    </message>
</context>
<context>
    <name>hm::app::ArrayField</name>
    <message>
        <source>Add Item</source>
        <translation>加入項目</translation>
    </message>
    <message>
        <source>Add an item to %1</source>
        <translation>在 %1 中加入項目</translation>
    </message>
    <message>
        <source>From %1 to %2 items.</source>
        <translation>%1 到 %2 個項目。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n item(s).</source>
        <translation>
            <numerusform>最多 %n 個項目。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n item(s).</source>
        <translation>
            <numerusform>至少 %n 個項目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>移除此項目</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <translation>移除第 %1 個項目</translation>
    </message>
</context>
<context>
    <name>hm::app::AuditListModel</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>資源</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 位址</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
</context>
<context>
    <name>hm::app::AuditLogsPage</name>
    <message>
        <source>read the audit trail</source>
        <translation>讀取稽核軌跡</translation>
    </message>
    <message>
        <source>read the server logs</source>
        <translation>讀取伺服器日誌</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限時間</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>過去 1 小時</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 小時</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 天</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自訂範圍</translation>
    </message>
    <message>
        <source>Export Server Logs</source>
        <translation>匯出伺服器日誌</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 檔案 (*.%2)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>export the logs</source>
        <translation>匯出日誌</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Saved the logs to %1.</source>
        <translation>已將日誌儲存至 %1。</translation>
    </message>
    <message>
        <source>Sign in to read the audit trail and the server logs.</source>
        <translation>請登入以讀取稽核軌跡與伺服器日誌。</translation>
    </message>
    <message>
        <source>Only administrators may read the audit trail and the server logs; you are signed in as %1.</source>
        <translation>只有管理員才能讀取稽核軌跡與伺服器日誌；您目前以 %1 身分登入。</translation>
    </message>
    <message>
        <source>Download the records that match the filters as a file</source>
        <translation>將符合篩選條件的記錄下載為檔案</translation>
    </message>
    <message>
        <source>Sign in to read the audit trail.</source>
        <translation>請登入以讀取稽核軌跡。</translation>
    </message>
    <message>
        <source>Only administrators may read the audit trail.</source>
        <translation>只有管理員才能讀取稽核軌跡。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>No audit entries match these filters.</source>
        <translation>沒有符合這些篩選條件的稽核項目。</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n entries</source>
        <translation>
            <numerusform>顯示 %1 筆，共 %n 筆</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to read the server logs.</source>
        <translation>請登入以讀取伺服器日誌。</translation>
    </message>
    <message>
        <source>Only administrators may read the server logs.</source>
        <translation>只有管理員才能讀取伺服器日誌。</translation>
    </message>
    <message>
        <source>No log records match these filters.</source>
        <translation>沒有符合這些篩選條件的日誌記錄。</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n records</source>
        <translation>
            <numerusform>顯示 %1 筆，共 %n 筆記錄</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Following new records live.</source>
        <translation>%1 正在即時追蹤新記錄。</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>稽核與日誌</translation>
    </message>
    <message>
        <source>Who did what on this server, and what the server itself reported. Administrators only.</source>
        <translation>誰在這台伺服器上做了什麼，以及伺服器本身回報了什麼。僅限管理員。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>稽核軌跡</translation>
    </message>
    <message>
        <source>Server logs</source>
        <translation>伺服器日誌</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>所有使用者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>資源類型</translation>
    </message>
    <message>
        <source>Any resource</source>
        <translation>所有資源</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>套用</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>層級</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>所有層級</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>資訊及以上</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Errors and above</source>
        <translation>錯誤及以上</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>僅嚴重</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Text in the message</source>
        <translation>訊息中的文字</translation>
    </message>
    <message>
        <source>Live tail</source>
        <translation>即時追蹤</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>所有類別</translation>
    </message>
    <message>
        <source>Export Audit Trail</source>
        <translation>匯出稽核軌跡</translation>
    </message>
    <message>
        <source>export the audit trail</source>
        <translation>匯出稽核軌跡</translation>
    </message>
    <message>
        <source>Saved the audit trail to %1.</source>
        <translation>已將稽核軌跡儲存至 %1。</translation>
    </message>
    <message>
        <source>Download the entries that match the filters as a file</source>
        <translation>將符合篩選條件的項目下載為檔案</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>所有動作</translation>
    </message>
    <message>
        <source>Pick an action, or type part of its name or code</source>
        <translation>選擇動作，或輸入其名稱或代碼的一部分</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>所有節點</translation>
    </message>
</context>
<context>
    <name>hm::app::BackgroundTaskList</name>
    <message>
        <source>Background tasks</source>
        <translation>背景工作</translation>
    </message>
    <message>
        <source>No background tasks.</source>
        <translation>沒有背景工作。</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已結束</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>執行中…</translation>
    </message>
    <message>
        <source>Running… %1 %</source>
        <translation>執行中… %1 %</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>hm::app::BackgroundTasksStatus</name>
    <message numerus="yes">
        <source>%n task(s) running</source>
        <translation>
            <numerusform>%n 個工作執行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) finished</source>
        <translation>
            <numerusform>%n 個工作已結束</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the background tasks</source>
        <translation>顯示背景工作</translation>
    </message>
</context>
<context>
    <name>hm::app::BackupListModel</name>
    <message>
        <source>Scheduled</source>
        <translation>排程</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上傳</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>Being made (%1 %)</source>
        <translation>建立中（%1 %）</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校驗碼</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
</context>
<context>
    <name>hm::app::BackupsTab</name>
    <message>
        <source>the file was changed after it was made</source>
        <translation>檔案在建立後遭到修改</translation>
    </message>
    <message>
        <source>the file is cut off</source>
        <translation>檔案不完整</translation>
    </message>
    <message>
        <source>the file is not a HiveMind backup</source>
        <translation>此檔案不是 HiveMind 備份</translation>
    </message>
    <message>
        <source>the backup was made with another master key</source>
        <translation>此備份是以另一把主金鑰建立的</translation>
    </message>
    <message>
        <source>the file&apos;s checksum does not match</source>
        <translation>檔案的校驗碼不符</translation>
    </message>
    <message>
        <source>the backup&apos;s database cannot be brought to this server&apos;s version</source>
        <translation>備份的資料庫無法升級到此伺服器的版本</translation>
    </message>
    <message>
        <source>another backup is being made</source>
        <translation>另一個備份正在建立中</translation>
    </message>
    <message>
        <source>another restore is being prepared</source>
        <translation>另一個還原正在準備中</translation>
    </message>
    <message>
        <source>Backing up… %1 %</source>
        <translation>備份中… %1 %</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>備份失敗：%1</translation>
    </message>
    <message>
        <source>Backup %1 is complete (%2). It is useless without the server&apos;s master key: keep a copy of the master key apart from the backups.</source>
        <translation>備份 %1 已完成（%2）。沒有伺服器的主金鑰，備份便無法使用：請將主金鑰的副本與備份分開保存。</translation>
    </message>
    <message>
        <source>Backup %1 is complete</source>
        <translation>備份 %1 已完成</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>備份中…</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>未建立備份</translation>
    </message>
    <message>
        <source>Uploading %1 (%2)…</source>
        <translation>正在上傳 %1（%2）…</translation>
    </message>
    <message>
        <source>Downloading to %1 (%2)…</source>
        <translation>正在下載到 %1（%2）…</translation>
    </message>
    <message>
        <source>Save the backup file</source>
        <translation>儲存備份檔案</translation>
    </message>
    <message>
        <source>HiveMind backups (*.hmbackup)</source>
        <translation>HiveMind 備份 (*.hmbackup)</translation>
    </message>
    <message>
        <source>Saved to %1. Keep it with care: it holds every secret of the server, readable with the master key.</source>
        <translation>已儲存到 %1。請妥善保管：它含有伺服器的所有機密，持有主金鑰即可讀取。</translation>
    </message>
    <message>
        <source>The download stopped (start it again to go on)</source>
        <translation>下載已中斷（再次開始即可接續）</translation>
    </message>
    <message>
        <source>The download failed</source>
        <translation>下載失敗</translation>
    </message>
    <message>
        <source>Downloading to %1…</source>
        <translation>正在下載到 %1…</translation>
    </message>
    <message>
        <source>Upload a backup file</source>
        <translation>上傳備份檔案</translation>
    </message>
    <message>
        <source>HiveMind backups (*.hmbackup);;All files (*)</source>
        <translation>HiveMind 備份 (*.hmbackup);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Uploaded as %1: the server checked it with its master key.</source>
        <translation>已上傳為 %1：伺服器已用其主金鑰檢查過。</translation>
    </message>
    <message>
        <source>The upload was refused</source>
        <translation>上傳遭拒</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>正在上傳 %1…</translation>
    </message>
    <message>
        <source>Restore the backup of %1?

It replaces the server&apos;s whole database — flows, executions, users, credentials, nodes, settings and the audit trail — with the backup&apos;s, as it was then. Everything done since is lost. The restore is applied when the server starts next; the current database is kept beside it.</source>
        <translation>要還原 %1 的備份嗎？

這會以備份當時的內容取代伺服器的整個資料庫——流程、執行紀錄、使用者、憑證、節點、設定與稽核紀錄。此後所做的一切都會遺失。還原會在伺服器下次啟動時套用；目前的資料庫會保留在旁。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>還原備份</translation>
    </message>
    <message>
        <source>Checking and preparing the restore…</source>
        <translation>正在檢查並準備還原…</translation>
    </message>
    <message>
        <source>The restore was refused</source>
        <translation>還原遭拒</translation>
    </message>
    <message>
        <source>The backup of %1 is checked and staged: restart the server to apply it.</source>
        <translation>%1 的備份已檢查並備妥：重新啟動伺服器即可套用。</translation>
    </message>
    <message>
        <source>Restore staged: restart the server to apply it</source>
        <translation>還原已備妥：重新啟動伺服器即可套用</translation>
    </message>
    <message>
        <source>Delete a backup</source>
        <translation>刪除備份</translation>
    </message>
    <message>
        <source>Delete the backup %1 and its file? This cannot be undone.</source>
        <translation>要刪除備份 %1 及其檔案嗎？此操作無法復原。</translation>
    </message>
    <message>
        <source>The backup was not deleted</source>
        <translation>備份未刪除</translation>
    </message>
    <message>
        <source>Backup %1 deleted.</source>
        <translation>已刪除備份 %1。</translation>
    </message>
    <message>
        <source>Only administrators see and manage backups.</source>
        <translation>只有管理員能查看與管理備份。</translation>
    </message>
    <message>
        <source>A backup holds the whole database, encrypted. It is useless without the server&apos;s master key, which is never in a backup: keep a copy of the master key apart from the backups.</source>
        <translation>備份含有加密後的整個資料庫。沒有伺服器的主金鑰，備份便無法使用，而主金鑰從不包含在備份中：請將主金鑰的副本與備份分開保存。</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>建立備份</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下載…</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>上傳…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>還原…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Edit schedule…</source>
        <translation>編輯排程…</translation>
    </message>
    <message>
        <source>Scheduled backups: every day at %1.</source>
        <translation>排程備份：每天 %1。</translation>
    </message>
    <message>
        <source>Scheduled backups: every %1 at %2.</source>
        <translation>排程備份：每%1 %2。</translation>
    </message>
    <message>
        <source>Scheduled backups: off.</source>
        <translation>排程備份：關閉。</translation>
    </message>
    <message numerus="yes">
        <source>Kept: the newest %n, and one per week for %1 weeks.</source>
        <translation>
            <numerusform>保留：最新的 %n 份，以及 %1 週內每週一份。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: the console left that server.</source>
        <translation>已停止：主控台已離開該伺服器。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept.</source>
        <translation>已取消：未保留任何內容。</translation>
    </message>
    <message>
        <source>Backup of the server</source>
        <translation>備份伺服器</translation>
    </message>
    <message>
        <source>Download of the backup %1</source>
        <translation>下載備份 %1</translation>
    </message>
    <message>
        <source>Upload of the backup file %1</source>
        <translation>上傳備份檔 %1</translation>
    </message>
    <message>
        <source>Restore of the backup of %1</source>
        <translation>還原 %1 的備份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::BgpAnnounceDialog</name>
    <message>
        <source>Add the prefix length, e.g. 198.51.100.0/24 or 2001:db8:100::/40.</source>
        <translation>請加上前綴長度，例如 198.51.100.0/24 或 2001:db8:100::/40。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address.</source>
        <translation>「%1」不是 IPv4 或 IPv6 位址。</translation>
    </message>
    <message>
        <source>The prefix length must be 0 to %1.</source>
        <translation>前綴長度必須介於 0 到 %1。</translation>
    </message>
    <message>
        <source>Host bits are set past /%1: the network is %2/%1.</source>
        <translation>/%1 之後的主機位元不得設定：網路應為 %2/%1。</translation>
    </message>
    <message>
        <source>Announce prefix</source>
        <translation>宣告前綴</translation>
    </message>
    <message>
        <source>BIRD announces the prefix on every BGP session, besides the active IPv6 pools&apos; (those are announced automatically).</source>
        <translation>BIRD 會在每個 BGP 工作階段上宣告此前綴；啟用中的 IPv6 集區前綴則會自動宣告，無須在此加入。</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>前綴(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. 198.51.100.0/24 or 2001:db8:100::/40</source>
        <translation>例如 198.51.100.0/24 或 2001:db8:100::/40</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>說明(&amp;D)：</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>宣告</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Refused by the server (%1): this prefix is announced already, or it is an active IPv6 pool&apos;s.</source>
        <translation>伺服器拒絕（%1）：此前綴已宣告，或屬於啟用中的 IPv6 集區。</translation>
    </message>
</context>
<context>
    <name>hm::app::BgpAnnouncementsPane</name>
    <message>
        <source>The announced prefixes could not be read: %1</source>
        <translation>無法讀取已宣告的前綴：%1</translation>
    </message>
    <message>
        <source>Announced prefixes</source>
        <translation>已宣告的前綴</translation>
    </message>
    <message>
        <source>Announce...</source>
        <translation>宣告…</translation>
    </message>
    <message>
        <source>Withdraw...</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前綴</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>位址類型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>宣告時間</translation>
    </message>
    <message>
        <source>Sign in to see the announced prefixes.</source>
        <translation>登入後即可查看已宣告的前綴。</translation>
    </message>
    <message>
        <source>No prefixes announced besides the IPv6 pools&apos;. The active IPv6 pools are announced on every session automatically; announce other IPv4 or IPv6 prefixes here.</source>
        <translation>除 IPv6 集區外，尚未宣告任何前綴。啟用中的 IPv6 集區會自動在每個工作階段上宣告；其他 IPv4 或 IPv6 前綴請在此宣告。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Announce an IPv4 or IPv6 prefix on every BGP session.</source>
        <translation>在每個 BGP 工作階段上宣告一個 IPv4 或 IPv6 前綴。</translation>
    </message>
    <message>
        <source>Stop announcing the prefix on every session.</source>
        <translation>停止在所有工作階段上宣告此前綴。</translation>
    </message>
    <message>
        <source>Select a prefix first.</source>
        <translation>請先選取前綴。</translation>
    </message>
    <message>
        <source>Withdraw prefix</source>
        <translation>撤回前綴</translation>
    </message>
    <message>
        <source>Withdraw %1? BIRD stops announcing it on every session; its neighbors drop the route.</source>
        <translation>要撤回 %1 嗎？BIRD 將停止在所有工作階段上宣告它，鄰居會移除這條路由。</translation>
    </message>
    <message>
        <source>The prefix was not withdrawn: %1</source>
        <translation>前綴未撤回：%1</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
</context>
<context>
    <name>hm::app::BgpPane</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>Edit BGP session</source>
        <translation>編輯 BGP 工作階段</translation>
    </message>
    <message>
        <source>New BGP session</source>
        <translation>新增 BGP 工作階段</translation>
    </message>
    <message>
        <source>Letters, digits and _, e.g. upstream_a</source>
        <translation>字母、數字與 _，例如 upstream_a</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.1 or 2001:db8::1</source>
        <translation>例如 192.0.2.1 或 2001:db8::1</translation>
    </message>
    <message>
        <source>N&amp;eighbor:</source>
        <translation>鄰居(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Remote AS:</source>
        <translation>遠端 AS(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Local AS:</source>
        <translation>本地 AS(&amp;L)：</translation>
    </message>
    <message>
        <source>Empty: keep the stored password</source>
        <translation>留空：保留已儲存的密碼</translation>
    </message>
    <message>
        <source>Optional (TCP-MD5)</source>
        <translation>選填（TCP-MD5）</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>Remove the stored password</source>
        <translation>移除已儲存的密碼</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Hold time:</source>
        <translation>保持時間(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>保持連線間隔(&amp;K)：</translation>
    </message>
    <message>
        <source>Connect re&amp;try:</source>
        <translation>重新連線間隔(&amp;T)：</translation>
    </message>
    <message>
        <source>Direct (shared link)</source>
        <translation>直連（共用鏈路）</translation>
    </message>
    <message>
        <source>&amp;Multihop TTL:</source>
        <translation>多跳 TTL(&amp;M)：</translation>
    </message>
    <message>
        <source>TTL security (GTSM)</source>
        <translation>TTL 安全（GTSM）</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>安全性(&amp;S)：</translation>
    </message>
    <message>
        <source>The session runs</source>
        <translation>此工作階段執行中</translation>
    </message>
    <message>
        <source>Ena&amp;bled:</source>
        <translation>啟用(&amp;B)：</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>說明(&amp;E)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Letters, digits and _, not starting with a digit.</source>
        <translation>字母、數字與 _，不可以數字開頭。</translation>
    </message>
    <message>
        <source>One unicast IPv4 or IPv6 address.</source>
        <translation>一個單播 IPv4 或 IPv6 位址。</translation>
    </message>
    <message>
        <source>An AS number, 1 to 4294967295.</source>
        <translation>AS 編號，1 至 4294967295。</translation>
    </message>
    <message>
        <source>Shorter than the hold time.</source>
        <translation>須短於保持時間。</translation>
    </message>
    <message>
        <source>The BGP sessions could not be read: %1</source>
        <translation>無法讀取 BGP 工作階段：%1</translation>
    </message>
    <message>
        <source>No routes to show: BIRD does not run this session (%1).</source>
        <translation>沒有可顯示的路由：BIRD 未執行此工作階段（%1）。</translation>
    </message>
    <message>
        <source>No routes to show: BIRD is not available.</source>
        <translation>沒有可顯示的路由：BIRD 無法使用。</translation>
    </message>
    <message>
        <source>The routes could not be read: %1</source>
        <translation>無法讀取路由：%1</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>無法使用：%1</translation>
    </message>
    <message>
        <source>BIRD is not answering</source>
        <translation>BIRD 沒有回應</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>已建立</translation>
    </message>
    <message>
        <source>Stopped (%1)</source>
        <translation>已停止（%1）</translation>
    </message>
    <message>
        <source>New session...</source>
        <translation>新增工作階段…</translation>
    </message>
    <message>
        <source>Edit session...</source>
        <translation>編輯工作階段…</translation>
    </message>
    <message>
        <source>Delete session...</source>
        <translation>刪除工作階段…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>啟動</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Neighbor</source>
        <translation>鄰居</translation>
    </message>
    <message>
        <source>Remote AS</source>
        <translation>遠端 AS</translation>
    </message>
    <message>
        <source>Local AS</source>
        <translation>本地 AS</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>運作時間</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Advertised</source>
        <translation>已通告</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前綴</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>下一跳</translation>
    </message>
    <message>
        <source>AS path</source>
        <translation>AS 路徑</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Local pref</source>
        <translation>本地優先</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MED</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Sign in to see the BGP sessions.</source>
        <translation>登入後即可查看 BGP 工作階段。</translation>
    </message>
    <message>
        <source>No BGP sessions yet. A session peers with a neighbor router through BIRD and announces the active IPv6 pools.</source>
        <translation>尚無 BGP 工作階段。工作階段透過 BIRD 與鄰居路由器建立對等連線，並通告啟用中的 IPv6 集區。</translation>
    </message>
    <message>
        <source>Routes of %1</source>
        <translation>%1 的路由</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Select a session to see its routes.</source>
        <translation>選取工作階段以查看其路由。</translation>
    </message>
    <message>
        <source>No routes received from this neighbor.</source>
        <translation>尚未從此鄰居收到路由。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>請先選取工作階段。</translation>
    </message>
    <message>
        <source>A new BGP session with a neighbor router.</source>
        <translation>與鄰居路由器的新 BGP 工作階段。</translation>
    </message>
    <message>
        <source>Change the session; BIRD is reconfigured.</source>
        <translation>變更工作階段；BIRD 會重新設定。</translation>
    </message>
    <message>
        <source>Disable the session in BIRD; it stays stored.</source>
        <translation>在 BIRD 中停用此工作階段；設定仍會保留。</translation>
    </message>
    <message>
        <source>Enable the session in BIRD.</source>
        <translation>在 BIRD 中啟用此工作階段。</translation>
    </message>
    <message>
        <source>Delete the session and remove it from BIRD.</source>
        <translation>刪除工作階段並從 BIRD 移除。</translation>
    </message>
    <message>
        <source>The session was not stopped: %1</source>
        <translation>工作階段未停止：%1</translation>
    </message>
    <message>
        <source>The session was not started: %1</source>
        <translation>工作階段未啟動：%1</translation>
    </message>
    <message>
        <source>Delete BGP session</source>
        <translation>刪除 BGP 工作階段</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; (neighbor %2)? BIRD drops the session and its routes. This cannot be undone.</source>
        <translation>要刪除「%1」（鄰居 %2）嗎？BIRD 會中斷此工作階段並捨棄其路由。此操作無法復原。</translation>
    </message>
    <message>
        <source>The session was not deleted: %1</source>
        <translation>工作階段未刪除：%1</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>無法使用</translation>
    </message>
    <message>
        <source>IPv&amp;6 next hop:</source>
        <translation>IPv&amp;6 下一跳：</translation>
    </message>
    <message>
        <source>Optional: for IPv6 over a multihop IPv4 session</source>
        <translation>選填：用於多跳 IPv4 工作階段上的 IPv6</translation>
    </message>
    <message>
        <source>The IPv6 next hop announced with the IPv6 routes. Over an IPv4 session BIRD takes the IPv6 address of the interface towards a direct neighbor; a multihop session needs one here.</source>
        <translation>隨 IPv6 路由公告的 IPv6 下一跳。在 IPv4 工作階段上，BIRD 會取用通往直連鄰居之介面的 IPv6 位址；多跳工作階段則需在此指定。</translation>
    </message>
    <message>
        <source>One unicast IPv6 address, or empty.</source>
        <translation>一個單播 IPv6 位址，或留空。</translation>
    </message>
    <message>
        <source>%1 sends IPv6 routes without a next hop and the neighbor ignores them: set its IPv6 next hop.</source>
        <translation>%1 傳送的 IPv6 路由沒有下一跳，鄰居會忽略它們：請設定其 IPv6 下一跳。</translation>
    </message>
    <message>
        <source>the server has no BIRD control socket (its --bird-socket option)</source>
        <translation>伺服器未設定 BIRD 控制通訊端（--bird-socket 選項）</translation>
    </message>
    <message>
        <source>BIRD does not run this session yet</source>
        <translation>BIRD 尚未執行此工作階段</translation>
    </message>
    <message>
        <source>BIRD is starting the session</source>
        <translation>BIRD 正在啟動此工作階段</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::CaCertificateField</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 64 KiB: not a CA certificate file.</source>
        <translation>%1 大於 64 KiB：不是 CA 憑證檔案。</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA 憑證</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>憑證 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>None: the server trusts the system&apos;s certificate authorities.</source>
        <translation>無：伺服器信任系統的憑證機構。</translation>
    </message>
    <message>
        <source>Not a PEM certificate: paste the text from &quot;-----BEGIN CERTIFICATE-----&quot; to &quot;-----END CERTIFICATE-----&quot; (at most 64 KiB).</source>
        <translation>不是 PEM 憑證：請貼上從「-----BEGIN CERTIFICATE-----」到「-----END CERTIFICATE-----」的文字（最多 64 KiB）。</translation>
    </message>
    <message>
        <source>%1: expired on %2</source>
        <translation>%1：已於 %2 過期</translation>
    </message>
    <message>
        <source>%1: valid until %2</source>
        <translation>%1：有效至 %2</translation>
    </message>
    <message>
        <source>Load from File…</source>
        <translation>從檔案載入…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Optional: paste the PEM certificate of a private CA</source>
        <translation>選填：貼上私有憑證機構的 PEM 憑證</translation>
    </message>
</context>
<context>
    <name>hm::app::ChartHover</name>
    <message>
        <source>%1: no value</source>
        <translation>%1：無數值</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>hm::app::ChoiceField</name>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>預設（%1）</translation>
    </message>
</context>
<context>
    <name>hm::app::CommandPalette</name>
    <message>
        <source>%1 › %2</source>
        <comment>command palette: menu path › command</comment>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>Not available now.</source>
        <translation>目前無法使用。</translation>
    </message>
    <message>
        <source>Type a command or a section</source>
        <translation>輸入指令或區段名稱</translation>
    </message>
    <message>
        <source>No command matches. Try fewer or other words.</source>
        <translation>沒有符合的指令。請試試較少或其他的字詞。</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentCatalogue</name>
    <message>
        <source>The server&apos;s list of components cannot be read.</source>
        <translation>無法讀取伺服器的元件清單。</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentDetailsDialog</name>
    <message>
        <source>No icon (a box)</source>
        <translation>無圖示（方塊）</translation>
    </message>
    <message>
        <source>%1 (not one the console draws)</source>
        <translation>%1（主控台無法顯示）</translation>
    </message>
    <message>
        <source>The server refused this: only administrators may change components.</source>
        <translation>伺服器拒絕了此操作：只有管理員可以變更元件。</translation>
    </message>
    <message>
        <source>The server no longer has a registered component &quot;%1&quot;.</source>
        <translation>伺服器上已沒有已註冊的元件「%1」。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Component details</source>
        <translation>元件詳細資料</translation>
    </message>
    <message>
        <source>These fields belong to the component &quot;%1&quot; and are shown for every version of it.</source>
        <translation>這些欄位屬於元件「%1」，會顯示在它的每個版本上。</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>顯示名稱：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>類別：</translation>
    </message>
    <message>
        <source>Icon:</source>
        <translation>圖示：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>說明：</translation>
    </message>
    <message>
        <source>None, e.g. image</source>
        <translation>無，例如：圖片</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The server refused the description: it may have at most %1 characters.</source>
        <translation>伺服器拒絕了說明：最多只能有 %1 個字元。</translation>
    </message>
    <message>
        <source>The server refused the display name: it may have at most %1 characters.</source>
        <translation>伺服器拒絕了顯示名稱：最多只能有 %1 個字元。</translation>
    </message>
    <message>
        <source>The server refused the category: it may have at most %1 characters.</source>
        <translation>伺服器拒絕了類別：最多只能有 %1 個字元。</translation>
    </message>
    <message>
        <source>The server refused the description.</source>
        <translation>伺服器拒絕了說明。</translation>
    </message>
    <message>
        <source>The server refused the display name.</source>
        <translation>伺服器拒絕了顯示名稱。</translation>
    </message>
    <message>
        <source>The server refused the category.</source>
        <translation>伺服器拒絕了類別。</translation>
    </message>
    <message>
        <source>The server does not know this icon: choose one from the list.</source>
        <translation>伺服器不認得這個圖示：請從清單中選擇。</translation>
    </message>
    <message>
        <source>The server refused one of the values.</source>
        <translation>伺服器拒絕了其中一個值。</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentIcon</name>
    <message>
        <source>Component</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>縮放</translation>
    </message>
    <message>
        <source>Compress</source>
        <translation>壓縮</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上傳</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>網路</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>郵件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>程式碼</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>篩選</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>轉換</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排程</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>圖表</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>雲端</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>運算</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentListModel</name>
    <message>
        <source>Active</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已刪除</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>效能降級</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未檢查</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>內建</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康狀態</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>HTTP service</source>
        <translation>HTTP 服務</translation>
    </message>
    <message>
        <source>%1 (component name: %2)</source>
        <translation>%1（元件名稱：%2）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentPalette</name>
    <message>
        <source>%1, version %2. Drag it onto the canvas.</source>
        <translation>%1，版本 %2。拖曳到畫布上即可加入。</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>內建</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已註冊</translation>
    </message>
    <message>
        <source>%1 %2 (deprecated)</source>
        <translation>%1 %2（已淘汰）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>效能降級</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>健康狀態不明</translation>
    </message>
    <message>
        <source>%1, version %2 (%3). Deprecated: it still runs, but newer flows should use another version.</source>
        <translation>%1，版本 %2（%3）。已淘汰：仍可執行，但新的工作流程應改用其他版本。</translation>
    </message>
    <message>
        <source>%1, version %2 (%3). Drag it onto the canvas.</source>
        <translation>%1，版本 %2（%3）。拖曳到畫布上即可加入。</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>%1 %2 of %3. Drag it onto the canvas to call it.</source>
        <translation>%3 的 %1 %2。拖曳到畫布上即可呼叫。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>搜尋元件</translation>
    </message>
    <message>
        <source>Components by name; service endpoints by method, path, summary or service</source>
        <translation>元件依名稱搜尋；服務端點依方法、路徑、摘要或服務搜尋</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>未分類</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentsPage</name>
    <message>
        <source>The server refused this: only administrators may register or deprecate components.</source>
        <translation>伺服器拒絕了此操作：只有管理員可以註冊或淘汰元件。</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended.</source>
        <translation>您尚未登入此伺服器，或工作階段已結束。</translation>
    </message>
    <message>
        <source>The component service cannot be reached or is not healthy: %1</source>
        <translation>無法連線到元件服務，或其狀態異常：%1</translation>
    </message>
    <message>
        <source>The service at this endpoint does not serve a component named &quot;%1&quot;.</source>
        <translation>此端點的服務沒有提供名為「%1」的元件。</translation>
    </message>
    <message>
        <source>The server does not know this component (any more).</source>
        <translation>伺服器上沒有（或已不再有）此元件。</translation>
    </message>
    <message>
        <source>Already registered: %1</source>
        <translation>已註冊：%1</translation>
    </message>
    <message>
        <source>The endpoint must be an http or https URL without user name, password, query or fragment, e.g. http://10.0.0.5:9000.</source>
        <translation>端點必須是不含使用者名稱、密碼、查詢字串或片段的 http 或 https 網址，例如 http://10.0.0.5:9000。</translation>
    </message>
    <message>
        <source>Component %1 has version &quot;%2&quot;, which is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1).</source>
        <translation>元件 %1 的版本「%2」不是語意化版本（主版號.次版號.修訂號，例如 1.4.0 或 2.0.0-rc.1）。</translation>
    </message>
    <message>
        <source>Component %1 has an invalid %2: %3</source>
        <translation>元件 %1 的 %2 無效：%3</translation>
    </message>
    <message>
        <source>The server refused this: %1</source>
        <translation>伺服器拒絕了此操作：%1</translation>
    </message>
    <message>
        <source>Enter the base URL of the component service.</source>
        <translation>請輸入元件服務的基礎網址。</translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation>正在檢查 %1…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Registered %n component version(s): %1</source>
        <translation>
            <numerusform>已註冊 %n 個元件版本：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as active</source>
        <translation>重新啟用</translation>
    </message>
    <message>
        <source>Deprecate</source>
        <translation>淘汰</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Only administrators may register or deprecate components.</source>
        <translation>只有管理員可以註冊或淘汰元件。</translation>
    </message>
    <message>
        <source>Check the service&apos;s health, read its interfaces and register them.</source>
        <translation>檢查服務的健康狀態、讀取其介面並註冊。</translation>
    </message>
    <message>
        <source>Built-in components cannot be deprecated.</source>
        <translation>內建元件無法淘汰。</translation>
    </message>
    <message>
        <source>A deprecated version keeps running; flows that start using it get a warning.</source>
        <translation>已淘汰的版本仍會繼續執行；開始使用它的工作流程會收到警告。</translation>
    </message>
    <message>
        <source>Sign in to see the components.</source>
        <translation>請登入以檢視元件。</translation>
    </message>
    <message>
        <source>Loading components...</source>
        <translation>正在載入元件…</translation>
    </message>
    <message>
        <source>The components could not be loaded: %1</source>
        <translation>無法載入元件：%1</translation>
    </message>
    <message>
        <source>No components.</source>
        <translation>沒有元件。</translation>
    </message>
    <message numerus="yes">
        <source>%n component version(s).</source>
        <translation>
            <numerusform>%n 個元件版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>%1, required</source>
        <translation>%1，必填</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設值</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>結構描述</translation>
    </message>
    <message>
        <source>No component selected</source>
        <translation>未選取元件</translation>
    </message>
    <message>
        <source>Select a component version to see its ports and configuration schema.</source>
        <translation>選取一個元件版本以檢視其連接埠與設定結構描述。</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>狀態：%1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>健康狀態：%1</translation>
    </message>
    <message>
        <source>Built in: runs inside the server.</source>
        <translation>內建：在伺服器內執行。</translation>
    </message>
    <message>
        <source>Endpoint %1: %2</source>
        <translation>端點 %1：%2</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>Configuration schema</source>
        <translation>設定結構描述</translation>
    </message>
    <message>
        <source>(any configuration)</source>
        <translation>（任何設定皆可）</translation>
    </message>
    <message>
        <source>Looking for flows that use this version...</source>
        <translation>正在尋找使用此版本的工作流程…</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（版本 %2）</translation>
    </message>
    <message>
        <source>No flow you can see uses this version.</source>
        <translation>您可檢視的工作流程中沒有任何一個使用此版本。</translation>
    </message>
    <message numerus="yes">
        <source>Used by %n flow version(s): %1</source>
        <translation>
            <numerusform>有 %n 個工作流程版本使用：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Components</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
    <message>
        <source>Register a component service:</source>
        <translation>註冊元件服務：</translation>
    </message>
    <message>
        <source>Endpoint URL, e.g. http://10.0.0.5:9000</source>
        <translation>端點網址，例如 http://10.0.0.5:9000</translation>
    </message>
    <message>
        <source>Component name (optional)</source>
        <translation>元件名稱（選填）</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>註冊</translation>
    </message>
    <message>
        <source>Port or key</source>
        <translation>連接埠或鍵</translation>
    </message>
    <message>
        <source>Type or value</source>
        <translation>類型或值</translation>
    </message>
    <message>
        <source>Enter a component name first: these fields belong to one component.</source>
        <translation>請先輸入元件名稱：這些欄位屬於單一元件。</translation>
    </message>
    <message>
        <source>Edit details...</source>
        <translation>編輯詳細資料…</translation>
    </message>
    <message>
        <source>Only administrators may change components.</source>
        <translation>只有管理員可以變更元件。</translation>
    </message>
    <message>
        <source>Built-in components have no editable details.</source>
        <translation>內建元件沒有可編輯的詳細資料。</translation>
    </message>
    <message>
        <source>Display name, category, icon and description of every version.</source>
        <translation>所有版本共用的顯示名稱、類別、圖示與說明。</translation>
    </message>
    <message>
        <source>Component name: %1</source>
        <translation>元件名稱：%1</translation>
    </message>
    <message>
        <source>Category: none</source>
        <translation>類別：無</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>類別：%1</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>顯示名稱（選填）</translation>
    </message>
    <message>
        <source>Category (optional)</source>
        <translation>類別（選填）</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>說明（選填）</translation>
    </message>
    <message>
        <source>The components cannot be shown</source>
        <translation>無法顯示元件</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>再試一次(&amp;T)</translation>
    </message>
    <message>
        <source>No components yet</source>
        <translation>尚無元件</translation>
    </message>
    <message>
        <source>Components are the steps of a flow: the built-in ones and those registered from a service or a component server.</source>
        <translation>元件是工作流程中的步驟：包括內建元件，以及從服務或元件伺服器註冊的元件。</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>What flows are built from: the built-in components and those of the component services registered here.</source>
        <translation>流程的組成元素：內建元件，以及在此註冊的元件服務所提供的元件。</translation>
    </message>
</context>
<context>
    <name>hm::app::ConnectionDialog</name>
    <message>
        <source>Enter a name and an http:// or https:// address.</source>
        <translation>請輸入名稱，以及 http:// 或 https:// 開頭的位址。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在檢查…</translation>
    </message>
    <message>
        <source>None (plain HTTP)</source>
        <translation>無（一般 HTTP）</translation>
    </message>
    <message>
        <source>The server cannot be used: %1</source>
        <translation>無法使用此伺服器：%1</translation>
    </message>
    <message>
        <source>The server answers (status: %1).</source>
        <translation>伺服器有回應（狀態：%1）。</translation>
    </message>
    <message>
        <source>%1 — differs from the one remembered for this profile (%2)</source>
        <translation>%1 — 與此設定檔記住的憑證不同（%2）</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>新增伺服器</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>位址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s TLS certificate</source>
        <translation>驗證伺服器的 TLS 憑證(&amp;V)</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>憑證：</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未檢查</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>檢查(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The server answers and is healthy.</source>
        <translation>伺服器有回應，狀態正常。</translation>
    </message>
    <message>
        <source>The server answers but reports a degraded state.</source>
        <translation>伺服器有回應，但回報效能降級。</translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation>移除伺服器</translation>
    </message>
    <message>
        <source>Remove the server “%1” (%2)? The sign-in kept for it is forgotten too.</source>
        <translation>要移除伺服器「%1」（%2）嗎？為它保存的登入資訊也會一併清除。</translation>
    </message>
    <message>
        <source>Refused: the server&apos;s certificate has the fingerprint %1, but %2 is pinned for it. The certificate changed, or this is another server.</source>
        <translation>已拒絕：伺服器憑證的指紋為 %1，但此伺服器釘選的是 %2。憑證已變更，或這是另一台伺服器。</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not trusted: %1. If you trust this server, pin its fingerprint or turn off verification.</source>
        <translation>伺服器的 TLS 憑證不受信任：%1。若您信任此伺服器，請釘選其指紋或關閉驗證。</translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation>編輯伺服器</translation>
    </message>
    <message>
        <source>Saved servers:</source>
        <translation>已儲存的伺服器：</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Pinned fingerprint:</source>
        <translation>釘選的指紋(&amp;P)：</translation>
    </message>
    <message>
        <source>SHA-256, optional: remembered at the first check</source>
        <translation>SHA-256，選填：首次檢查時會記住</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialDialog</name>
    <message>
        <source>Username</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>權杖</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Send in</source>
        <translation>傳送位置</translation>
    </message>
    <message>
        <source>Header or parameter name</source>
        <translation>標頭或參數名稱</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前綴</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>用戶端 ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>用戶端密碼</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>權杖 URL</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>範圍</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驅動程式</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私密金鑰</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密碼片語</translation>
    </message>
    <message>
        <source>Load private key</source>
        <translation>載入私密金鑰</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>無法讀取檔案：%1</translation>
    </message>
    <message>
        <source>This file is too large to be a private key.</source>
        <translation>此檔案太大，不可能是私密金鑰。</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>標頭</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>查詢參數</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>新增憑證</translation>
    </message>
    <message>
        <source>Edit credential &quot;%1&quot;</source>
        <translation>編輯憑證「%1」</translation>
    </message>
    <message>
        <source>Secret fields are write-only: once stored they are never shown again, only replaced.</source>
        <translation>機密欄位僅能寫入：儲存後不會再顯示，只能替換。</translation>
    </message>
    <message>
        <source>Secret fields are write-only. Leave a stored secret empty to keep it; type a new value to replace it.</source>
        <translation>機密欄位僅能寫入。已儲存的機密留空即保留原值；輸入新值即可替換。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可見範圍</translation>
    </message>
    <message>
        <source>e.g. Billing API</source>
        <translation>例如：帳務 API</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>The type of a stored credential cannot change.</source>
        <translation>已儲存憑證的類型無法變更。</translation>
    </message>
    <message>
        <source>Private: only you (and administrators). Shared: every user can see it; only you and administrators can change it.</source>
        <translation>私人：僅您（與管理員）可見。共用：所有使用者皆可檢視；僅您與管理員可變更。</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>will be cleared</source>
        <translation>將會清除</translation>
    </message>
    <message>
        <source>stored — unchanged</source>
        <translation>已儲存 — 不變更</translation>
    </message>
    <message>
        <source>Paste the private key (OpenSSH or PEM) or load it from a file</source>
        <translation>貼上私密金鑰（OpenSSH 或 PEM），或從檔案載入</translation>
    </message>
    <message>
        <source>space-separated, e.g. read write</source>
        <translation>以空格分隔，例如 &quot;read write&quot;</translation>
    </message>
    <message>
        <source>optional, e.g. Bearer</source>
        <translation>選填，例如 &quot;Bearer&quot;</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>預設（%1）</translation>
    </message>
    <message>
        <source>driver default</source>
        <translation>驅動程式預設值</translation>
    </message>
    <message>
        <source>Clear the stored value</source>
        <translation>清除已儲存的值</translation>
    </message>
    <message>
        <source>Remove the stored %1 when you press OK.</source>
        <translation>按下「確定」時移除已儲存的%1。</translation>
    </message>
    <message>
        <source>Load from file...</source>
        <translation>從檔案載入…</translation>
    </message>
    <message>
        <source>Read the private key from a file.</source>
        <translation>從檔案讀取私密金鑰。</translation>
    </message>
    <message>
        <source>Give the credential a name.</source>
        <translation>請為憑證命名。</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>請填寫%1。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <source>What uses this credential could not be read: %1</source>
        <translation>無法讀取使用此憑證的項目：%1</translation>
    </message>
    <message>
        <source>Nothing uses this credential; it can be deleted.</source>
        <translation>沒有任何項目使用此憑證，可以刪除。</translation>
    </message>
    <message>
        <source>While anything uses it, the credential cannot be deleted.</source>
        <translation>仍有項目使用此憑證時，無法刪除。</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用此憑證的項目</translation>
    </message>
    <message>
        <source>Services that sign in with this credential.</source>
        <translation>以此憑證進行驗證的服務。</translation>
    </message>
    <message>
        <source>Private: only you (and administrators). Shared and Workspace: every user of this server can see and use it; only you and administrators can change it.</source>
        <translation>私人：僅您（與管理員）可見。共用與工作區：此伺服器上的所有使用者皆可檢視並使用；僅您與管理員可變更。</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialListModel</name>
    <message>
        <source>Created %1</source>
        <translation>建立於 %1</translation>
    </message>
    <message>
        <source>(deleted user)</source>
        <translation>（已刪除的使用者）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可見範圍</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>擁有者</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新時間</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialUsageModel</name>
    <message>
        <source>Linked %1</source>
        <translation>連結於 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialsPage</name>
    <message>
        <source>More credentials could not be read: %1</source>
        <translation>無法讀取更多憑證：%1</translation>
    </message>
    <message>
        <source>The key rotation finished.</source>
        <translation>金鑰輪替已完成。</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Passwords, tokens and keys that flows and services sign in with. They are stored encrypted and never shown again.</source>
        <translation>工作流程與服務登入時使用的密碼、權杖與金鑰。皆加密儲存，且不會再顯示。</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有類型</translation>
    </message>
    <message>
        <source>New credential...</source>
        <translation>新增憑證…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Test...</source>
        <translation>測試…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>The encryption key&apos;s status and its rotation are for administrators; you are signed in as %1.</source>
        <translation>加密金鑰的狀態與輪替僅供管理員使用；您目前的登入身分為%1。</translation>
    </message>
    <message>
        <source>Select a credential first.</source>
        <translation>請先選取憑證。</translation>
    </message>
    <message>
        <source>Only its owner (%1) or an administrator can change or test this credential.</source>
        <translation>只有擁有者（%1）或管理員可以變更或測試此憑證。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Store a new credential.</source>
        <translation>儲存新的憑證。</translation>
    </message>
    <message>
        <source>Change the name, sharing or fields; replace secrets.</source>
        <translation>變更名稱、共用設定或欄位；替換機密。</translation>
    </message>
    <message>
        <source>Check that the credential is accepted.</source>
        <translation>檢查憑證是否被接受。</translation>
    </message>
    <message>
        <source>Delete the credential.</source>
        <translation>刪除此憑證。</translation>
    </message>
    <message>
        <source>Sign in to see credentials.</source>
        <translation>登入後即可檢視憑證。</translation>
    </message>
    <message>
        <source>Loading credentials...</source>
        <translation>正在載入憑證…</translation>
    </message>
    <message>
        <source>The credentials could not be read</source>
        <translation>無法讀取憑證</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No credential matches</source>
        <translation>沒有符合的憑證</translation>
    </message>
    <message>
        <source>No credential of this type is visible to you.</source>
        <translation>沒有您可檢視的此類型憑證。</translation>
    </message>
    <message>
        <source>No credential you can see has &quot;%1&quot; in its name.</source>
        <translation>您可檢視的憑證中，沒有名稱包含「%1」的。</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除篩選條件</translation>
    </message>
    <message>
        <source>No credentials yet</source>
        <translation>尚無憑證</translation>
    </message>
    <message>
        <source>A credential keeps a password, token or key that flows and services use to sign in elsewhere. It is stored encrypted; once saved, its secret is never shown again, only replaced.</source>
        <translation>憑證保存工作流程與服務登入其他系統時使用的密碼、權杖或金鑰。它會加密儲存；儲存後機密不會再顯示，只能替換。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n credential(s) shown</source>
        <translation>
            <numerusform>顯示 %1 個憑證，共 %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>Test credential</source>
        <translation>測試憑證</translation>
    </message>
    <message>
        <source>Send one GET request with &quot;%1&quot; to this URL (2xx means it works):</source>
        <translation>使用「%1」向此 URL 傳送一個 GET 要求（回應 2xx 表示可用）：</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL.</source>
        <translation>「%1」不是 http 或 https URL。</translation>
    </message>
    <message>
        <source>Testing &quot;%1&quot;...</source>
        <translation>正在測試「%1」…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be tested: %2</source>
        <translation>無法測試「%1」：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; works (%2 ms): %3</source>
        <translation>「%1」可用（%2 毫秒）：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was refused (%2 ms): %3</source>
        <translation>「%1」遭拒絕（%2 毫秒）：%3</translation>
    </message>
    <message>
        <source>Delete credential</source>
        <translation>刪除憑證</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its secret is destroyed; whatever signs in with it stops working. This cannot be undone.</source>
        <translation>要刪除「%1」嗎？其機密將被銷毀，使用它登入的項目都會停止運作。此操作無法復原。</translation>
    </message>
    <message>
        <source>The credential was not deleted: %1</source>
        <translation>憑證未刪除：%1</translation>
    </message>
    <message>
        <source>• %1 (%2)</source>
        <translation>• %1（%2）</translation>
    </message>
    <message>
        <source>Credential in use</source>
        <translation>憑證使用中</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still used and was not deleted. Remove it from these first:
%2</source>
        <translation>「%1」仍在使用中，因此未刪除。請先從以下項目移除：
%2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardOverview</name>
    <message>
        <source>read the server&apos;s status</source>
        <translation>讀取伺服器狀態</translation>
    </message>
    <message>
        <source>count the executions</source>
        <translation>統計執行次數</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>Sign in to see the executions of the last 24 hours.</source>
        <translation>請登入以查看過去 24 小時的執行。</translation>
    </message>
    <message>
        <source>No executions in the last 24 hours.</source>
        <translation>過去 24 小時沒有執行。</translation>
    </message>
    <message numerus="yes">
        <source>%n executions in the last 24 hours</source>
        <translation>
            <numerusform>過去 24 小時共 %n 次執行</numerusform>
        </translation>
    </message>
    <message>
        <source>list the failed executions</source>
        <translation>列出失敗的執行</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <source>Open execution %1 in the viewer</source>
        <translation>在檢視器中開啟執行 %1</translation>
    </message>
    <message>
        <source>No failed executions. Good.</source>
        <translation>沒有失敗的執行，一切正常。</translation>
    </message>
    <message>
        <source>Click one to open it in the viewer.</source>
        <translation>按一下項目即可在檢視器中開啟。</translation>
    </message>
    <message>
        <source>Server up %1 h %2 min</source>
        <translation>伺服器已運作 %1 小時 %2 分</translation>
    </message>
    <message>
        <source>CPU %1 · Memory %2 · Disk %3</source>
        <translation>處理器 %1 · 記憶體 %2 · 磁碟 %3</translation>
    </message>
    <message>
        <source>Network: %1/s sent, %2/s received</source>
        <translation>網路：傳送 %1/s，接收 %2/s</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first status report…</source>
        <translation>正在等待伺服器的第一份狀態報告…</translation>
    </message>
    <message>
        <source>Sign in to follow the host&apos;s load live.</source>
        <translation>請登入以即時追蹤主機負載。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>CPU, memory and disk (last 15 minutes)</source>
        <translation>處理器、記憶體與磁碟（過去 15 分鐘）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>處理器</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁碟</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分鐘</translation>
    </message>
    <message>
        <source>Network (KiB/s)</source>
        <translation>網路（KiB/s）</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Executions, last 24 hours</source>
        <translation>執行（過去 24 小時）</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>每小時</translation>
    </message>
    <message>
        <source>Latest failed executions</source>
        <translation>最近失敗的執行</translation>
    </message>
    <message>
        <source>Sign in to see failed executions.</source>
        <translation>請登入以查看失敗的執行。</translation>
    </message>
    <message>
        <source>Server up %1 d %2 h</source>
        <translation>伺服器已運作 %1 天 %2 小時</translation>
    </message>
    <message>
        <source>Server up %1 min</source>
        <translation>伺服器已運作 %1 分鐘</translation>
    </message>
    <message>
        <source>Server up less than a minute</source>
        <translation>伺服器剛啟動，運作不到一分鐘</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardPage</name>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>伺服器版本</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>資料目錄</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>效能降級</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>異常</translation>
    </message>
    <message>
        <source>Open (encrypted)</source>
        <translation>已開啟（已加密）</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>無法使用</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>正在啟動本機伺服器…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>Local — the server runs inside this console</source>
        <translation>本機 — 伺服器在此主控台內執行</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在連線到伺服器…</translation>
    </message>
    <message>
        <source>Shared — the server already running on this data directory</source>
        <translation>共用 — 已在此資料目錄上執行的伺服器</translation>
    </message>
    <message>
        <source>Remote — a server this console connects to</source>
        <translation>遠端 — 此主控台連線的伺服器</translation>
    </message>
</context>
<context>
    <name>hm::app::EndpointDialog</name>
    <message>
        <source>Add endpoint to %1</source>
        <translation>新增端點至 %1</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>路徑(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>說明(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Query parameters:</source>
        <translation>查詢參數(&amp;Q)：</translation>
    </message>
    <message>
        <source>Request &amp;body schema:</source>
        <translation>請求本文結構描述(&amp;B)：</translation>
    </message>
    <message>
        <source>optional; default: method and path</source>
        <translation>選填；預設為方法與路徑</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>optional JSON Schema, e.g. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</source>
        <translation>選填的 JSON 結構描述，例如 {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The body schema is not a JSON object: %1</source>
        <translation>本文結構描述不是 JSON 物件：%1</translation>
    </message>
    <message>
        <source>The endpoint was not added: %1</source>
        <translation>未新增端點：%1</translation>
    </message>
    <message>
        <source>%1: each {placeholder} is a required path parameter</source>
        <translation>%1：每個 {佔位符} 都是必填的路徑參數</translation>
    </message>
    <message>
        <source>optional, e.g. %1</source>
        <translation>選填，例如 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a query parameter: write name:type with type one of %2.</source>
        <translation>「%1」不是查詢參數：請寫成 名稱:類型，類型為 %2 之一。</translation>
    </message>
</context>
<context>
    <name>hm::app::EnrolNodeDialog</name>
    <message>
        <source>New enrolment secret</source>
        <translation>新的註冊密鑰</translation>
    </message>
    <message>
        <source>Enrol a node</source>
        <translation>註冊節點</translation>
    </message>
    <message>
        <source>A new secret for &quot;%1&quot;. Any earlier secret stops working; if an agent is enrolled, its key is revoked and it is disconnected until it enrols again with the new secret.</source>
        <translation>為「%1」建立新密鑰。先前的密鑰將失效；若已有代理程式註冊，其金鑰會被撤銷並中斷連線，直到以新密鑰重新註冊。</translation>
    </message>
    <message>
        <source>Name the machine and choose labels to group it by. The next step shows the command that installs and enrols the HiveMind agent on it.</source>
        <translation>為機器命名並選擇用來分組的標籤。下一步會顯示在該機器上安裝並註冊 HiveMind 代理程式的命令。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>說明：</translation>
    </message>
    <message>
        <source>Secret expires after:</source>
        <translation>密鑰有效期限：</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如：%1</translation>
    </message>
    <message>
        <source>Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>以逗號分隔；最多 %1 個標籤，每個由 1 到 %2 個 a-z、A-Z、0-9、「_」、「.」、「:」或「-」組成。</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小時</translation>
    </message>
    <message>
        <source>Create secret</source>
        <translation>建立密鑰</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>註冊</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a new enrolment secret.</source>
        <translation>「%1」已有新的註冊密鑰。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and waits for its agent.</source>
        <translation>已建立「%1」，正在等待其代理程式。</translation>
    </message>
    <message>
        <source>Run this command on the machine as %1:</source>
        <translation>請以 %1 身分在該機器上執行此命令：</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>複製命令</translation>
    </message>
    <message>
        <source>The secret works once, until %1.</source>
        <translation>此密鑰只能使用一次，有效至 %1。</translation>
    </message>
    <message>
        <source>The secret is shown only this once: copy the command now. If it is lost, create a new enrolment secret.</source>
        <translation>密鑰只會顯示這一次：請立即複製命令。若遺失，請建立新的註冊密鑰。</translation>
    </message>
    <message>
        <source>When the agent enrols it prints its key&apos;s fingerprint. Compare it with the fingerprint in this node&apos;s details before you trust the node.</source>
        <translation>代理程式註冊時會印出其金鑰的指紋。信任此節點之前，請將它與此節點詳細資料中的指紋比對。</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s) if it still holds the command.</source>
        <translation>
            <numerusform>已複製。若剪貼簿仍是此命令，將於 %n 秒後清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the agent to enrol…</source>
        <translation>正在等待代理程式註冊…</translation>
    </message>
    <message>
        <source>The agent enrolled. Its key&apos;s fingerprint is %1: compare it with the one the agent printed. Waiting for it to connect…</source>
        <translation>代理程式已註冊。其金鑰指紋為 %1：請與代理程式印出的指紋比對。正在等待其連線…</translation>
    </message>
    <message>
        <source>The agent is connected and the node is online. Its key&apos;s fingerprint is %1.</source>
        <translation>代理程式已連線，節點已上線。其金鑰指紋為 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and its agent enrolled.</source>
        <translation>已建立「%1」，其代理程式已完成註冊。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and its agent is connected.</source>
        <translation>已建立「%1」，其代理程式已連線。</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionGraphView</name>
    <message>
        <source>The ports of node “%1” are not known: %2</source>
        <translation>無法得知節點「%1」的連接埠：%2</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionListModel</name>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗時</translation>
    </message>
    <message>
        <source>Triggered by</source>
        <translation>觸發者</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>網路鉤子觸發</translation>
    </message>
    <message>
        <source>…%1</source>
        <translation>…%1</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionLogModel</name>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Watching the execution: %1, %n node(s) finished.</source>
        <translation>
            <numerusform>正在監看此執行：%1，已完成 %n 個節點。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection to the server lost; reconnecting.</source>
        <translation>與伺服器的連線中斷，正在重新連線。</translation>
    </message>
    <message>
        <source>Connection to the server lost (%1); reconnecting.</source>
        <translation>與伺服器的連線中斷（%1），正在重新連線。</translation>
    </message>
    <message>
        <source>Reconnected; nothing happened meanwhile.</source>
        <translation>已重新連線；期間沒有任何變化。</translation>
    </message>
    <message numerus="yes">
        <source>Reconnected; %n event(s) happened meanwhile, their result is shown.</source>
        <translation>
            <numerusform>已重新連線；期間發生了 %n 個事件，已顯示其結果。</numerusform>
        </translation>
    </message>
    <message>
        <source>Execution queued.</source>
        <translation>執行已排入佇列。</translation>
    </message>
    <message>
        <source>Execution started.</source>
        <translation>執行已開始。</translation>
    </message>
    <message>
        <source>%1 started, attempt %2.</source>
        <translation>%1 已開始，第 %2 次嘗試。</translation>
    </message>
    <message>
        <source>%1 started.</source>
        <translation>%1 已開始。</translation>
    </message>
    <message>
        <source>%1 completed in %2.</source>
        <translation>%1 已完成，耗時 %2。</translation>
    </message>
    <message>
        <source>%1 completed.</source>
        <translation>%1 已完成。</translation>
    </message>
    <message>
        <source>%1 failed on attempt %2 and will be retried: %3</source>
        <translation>%1 第 %2 次嘗試失敗，將會重試：%3</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失敗：%2</translation>
    </message>
    <message>
        <source>%1 skipped: a node it depends on failed.</source>
        <translation>%1 已略過：它所依賴的節點失敗。</translation>
    </message>
    <message>
        <source>%1 skipped.</source>
        <translation>%1 已略過。</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
    <message>
        <source>Execution completed in %1.</source>
        <translation>執行已完成，耗時 %1。</translation>
    </message>
    <message>
        <source>Execution completed.</source>
        <translation>執行已完成。</translation>
    </message>
    <message>
        <source>Execution failed.</source>
        <translation>執行失敗。</translation>
    </message>
    <message>
        <source>Execution failed: %1</source>
        <translation>執行失敗：%1</translation>
    </message>
    <message>
        <source>Execution killed.</source>
        <translation>執行已強制終止。</translation>
    </message>
    <message>
        <source>Execution cancelled.</source>
        <translation>執行已取消。</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionViewer</name>
    <message>
        <source>The flow&apos;s graph could not be read: %1</source>
        <translation>無法讀取流程圖：%1</translation>
    </message>
    <message>
        <source>Cancel Execution</source>
        <translation>取消執行</translation>
    </message>
    <message>
        <source>Cancel this execution of %1? Running nodes are asked to stop, and nodes that have not started will not run.</source>
        <translation>要取消 %1 的這次執行嗎？執行中的節點會被要求停止，尚未開始的節點將不會執行。</translation>
    </message>
    <message>
        <source>The execution could not be cancelled: %1</source>
        <translation>無法取消此執行：%1</translation>
    </message>
    <message>
        <source>Kill Execution</source>
        <translation>強制終止執行</translation>
    </message>
    <message>
        <source>Kill this execution of %1 now? Running nodes are abandoned at once, without waiting for them to stop; what they were doing may be left half done.</source>
        <translation>要立即強制終止 %1 的這次執行嗎？執行中的節點會立刻被放棄，不等待其停止；它們進行中的工作可能只完成一半。</translation>
    </message>
    <message>
        <source>The execution could not be killed: %1</source>
        <translation>無法強制終止此執行：%1</translation>
    </message>
    <message>
        <source>The execution could not be re-run: %1</source>
        <translation>無法重新執行：%1</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>執行 %1</translation>
    </message>
    <message>
        <source>Waiting in the queue, position %1</source>
        <translation>在佇列中等候，第 %1 位</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>在佇列中等候</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>開始於 %1</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>尚未開始</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>耗時 %1</translation>
    </message>
    <message>
        <source>Elapsed %1 · about %2 left</source>
        <translation>已經過 %1 · 約剩 %2</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>已經過 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) finished</source>
        <translation>
            <numerusform>已完成 %1 / %n 個節點</numerusform>
        </translation>
    </message>
    <message>
        <source>From the Start (Version %1)</source>
        <translation>從頭開始（版本 %1）</translation>
    </message>
    <message>
        <source>From the Failed Node (Version %1)</source>
        <translation>從失敗的節點開始（版本 %1）</translation>
    </message>
    <message>
        <source>From the Start on Newest Version %1</source>
        <translation>從頭開始，使用最新版本 %1</translation>
    </message>
    <message>
        <source>From the Failed Node on Newest Version %1</source>
        <translation>從失敗的節點開始，使用最新版本 %1</translation>
    </message>
    <message>
        <source>The execution has ended.</source>
        <translation>此執行已結束。</translation>
    </message>
    <message>
        <source>Ask the running nodes to stop, then end the execution.</source>
        <translation>要求執行中的節點停止，然後結束此執行。</translation>
    </message>
    <message>
        <source>End the execution at once, without waiting for nodes.</source>
        <translation>立即結束此執行，不等待節點。</translation>
    </message>
    <message>
        <source>Run this flow again with the same trigger input.</source>
        <translation>以相同的觸發輸入再次執行此流程。</translation>
    </message>
    <message>
        <source>An execution can be re-run once it has ended.</source>
        <translation>執行結束後才能重新執行。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>連線中…</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● 即時</translation>
    </message>
    <message>
        <source>Connection lost, reconnecting…</source>
        <translation>連線中斷，正在重新連線…</translation>
    </message>
    <message>
        <source>The execution cannot be shown: %1</source>
        <translation>無法顯示此執行：%1</translation>
    </message>
    <message>
        <source>‹ Executions</source>
        <translation>‹ 執行</translation>
    </message>
    <message>
        <source>Back to the list of executions (%1)</source>
        <translation>返回執行清單（%1）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>強制終止</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>重新執行</translation>
    </message>
    <message>
        <source>Execution Log</source>
        <translation>執行日誌</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>篩選日誌</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>所有訊息</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告與錯誤</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>僅錯誤</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟隨最新</translation>
    </message>
    <message>
        <source>Keep the newest lines in view</source>
        <translation>持續顯示最新的訊息</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>繼續執行</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionsPage</name>
    <message numerus="yes">
        <source>%n execution(s)</source>
        <translation>
            <numerusform>%n 次執行</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>尚未連線到伺服器</translation>
    </message>
    <message>
        <source>The executions appear here once the console is connected to a server and signed in.</source>
        <translation>主控台連線到伺服器並登入後，執行紀錄就會顯示在這裡。</translation>
    </message>
    <message>
        <source>Loading executions…</source>
        <translation>正在載入執行紀錄…</translation>
    </message>
    <message>
        <source>The executions could not be loaded</source>
        <translation>無法載入執行紀錄</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Error code %1</source>
        <translation>錯誤代碼 %1</translation>
    </message>
    <message>
        <source>Error code %1, request %2</source>
        <translation>錯誤代碼 %1，要求 %2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No executions yet</source>
        <translation>尚無執行紀錄</translation>
    </message>
    <message>
        <source>Every run of a flow appears here as it happens, with its status, its timeline and its log. Run a flow to see the first one.</source>
        <translation>流程每次執行時都會即時顯示在這裡，包括狀態、時間軸與日誌。執行一個流程，就能看到第一筆紀錄。</translation>
    </message>
    <message>
        <source>Go to Flows</source>
        <translation>前往流程</translation>
    </message>
    <message>
        <source>No executions match these filters</source>
        <translation>沒有符合篩選條件的執行</translation>
    </message>
    <message>
        <source>Change the flow, status or time range, or clear the filters.</source>
        <translation>請變更流程、狀態或時間範圍，或清除篩選條件。</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>清除篩選條件</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Every run of every flow you may see, newest first, updated live.</source>
        <translation>您可檢視的所有流程的每一次執行，最新的在前，即時更新。</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>所有流程</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任何狀態</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任何時間</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>過去 1 小時</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>過去 24 小時</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>過去 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去 30 天</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Read the list again (%1)</source>
        <translation>重新讀取清單（%1）</translation>
    </message>
</context>
<context>
    <name>hm::app::FleetCard</name>
    <message>
        <source>Fleet</source>
        <translation>機群</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Pending enrolment</source>
        <translation>等待註冊</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Busiest CPU</source>
        <translation>處理器最忙</translation>
    </message>
    <message>
        <source>Most memory used</source>
        <translation>記憶體用量最高</translation>
    </message>
    <message>
        <source>Fullest disk</source>
        <translation>磁碟最滿</translation>
    </message>
    <message>
        <source>Most traffic</source>
        <translation>流量最大</translation>
    </message>
    <message>
        <source>Sign in to see the fleet.</source>
        <translation>請登入以檢視機群。</translation>
    </message>
    <message>
        <source>The fleet could not be read: %1</source>
        <translation>無法讀取機群：%1</translation>
    </message>
    <message>
        <source>Reading the fleet…</source>
        <translation>正在讀取機群…</translation>
    </message>
    <message>
        <source>No nodes yet. Enrol a machine in the Nodes section to watch it here.</source>
        <translation>尚無節點。請在「節點」區段註冊機器，即可在此監看。</translation>
    </message>
    <message>
        <source>No node is online.</source>
        <translation>沒有節點在線上。</translation>
    </message>
    <message numerus="yes">
        <source>%n of the online nodes reported since the server started.</source>
        <translation>
            <numerusform>線上節點中有 %n 個自伺服器啟動後已回報。</numerusform>
        </translation>
    </message>
    <message>
        <source>Averages over the online nodes: CPU %1 · Memory %2 · Disk %3</source>
        <translation>線上節點平均：處理器 %1 · 記憶體 %2 · 磁碟 %3</translation>
    </message>
    <message>
        <source> · Load %1</source>
        <translation> · 負載 %1</translation>
    </message>
    <message>
        <source>Network: %1/s in, %2/s out</source>
        <translation>網路：接收 %1/s，傳送 %2/s</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>None reported</source>
        <translation>尚無回報</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowCanvasStyle</name>
    <message>
        <source>string</source>
        <translation>字串</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整數</translation>
    </message>
    <message>
        <source>number</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布林值</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <source>object</source>
        <translation>物件</translation>
    </message>
    <message>
        <source>array</source>
        <translation>陣列</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowEditorPage</name>
    <message>
        <source>Version %1 of this flow was saved in another console. Saving your changes will ask whether to reload it or to save yours after it.</source>
        <translation>此流程的版本 %1 已在另一個主控台中儲存。儲存您的變更時，將詢問要重新載入該版本，或將您的變更儲存為其後的版本。</translation>
    </message>
    <message>
        <source>Version %1 of this flow was saved in another console. Reload it from the list to see it.</source>
        <translation>此流程的版本 %1 已在另一個主控台中儲存。請從清單重新開啟以查看。</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes</source>
        <translation>還原未儲存的變更</translation>
    </message>
    <message>
        <source>“%1” has changes from %2 that were never saved. Restore them?</source>
        <translation>「%1」有 %2 時尚未儲存的變更。要還原這些變更嗎？</translation>
    </message>
    <message>
        <source>The autosaved changes cannot be opened: %1</source>
        <translation>無法開啟自動儲存的變更：%1</translation>
    </message>
    <message>
        <source>Restored the changes autosaved at %1. Save them to keep them.</source>
        <translation>已還原於 %1 自動儲存的變更。請儲存以保留這些變更。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未儲存的變更</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them as a new version before leaving?</source>
        <translation>「%1」有尚未儲存的變更。離開前要將其儲存為新版本嗎？</translation>
    </message>
    <message>
        <source>Saved as version %1 (draft).</source>
        <translation>已儲存為版本 %1（草稿）。</translation>
    </message>
    <message>
        <source>Newer Version on the Server</source>
        <translation>伺服器上有較新的版本</translation>
    </message>
    <message>
        <source>Someone saved a newer version of “%1” since you opened version %2.</source>
        <translation>自您開啟版本 %2 後，已有人儲存了「%1」的較新版本。</translation>
    </message>
    <message>
        <source>Reload shows the newer version and discards your changes. Save as New Version keeps your changes as the version after theirs.</source>
        <translation>「重新載入」會顯示較新的版本並捨棄您的變更。「另存為新版本」會將您的變更保存為其後的版本。</translation>
    </message>
    <message>
        <source>Save as &amp;New Version</source>
        <translation>另存為新版本(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>Version %1 is published: runs and the webhook now use it.</source>
        <translation>版本 %1 已發布：之後的執行與 Webhook 都會使用此版本。</translation>
    </message>
    <message>
        <source>Your unsaved changes are not part of any version: save them first to run them.</source>
        <translation>您未儲存的變更不屬於任何版本：請先儲存才能執行這些變更。</translation>
    </message>
    <message>
        <source>Execution %1 started (version %2).</source>
        <translation>執行 %1 已開始（版本 %2）。</translation>
    </message>
    <message>
        <source>Execution %1 is queued at position %2: the flow allows only so many at a time.</source>
        <translation>執行 %1 已排入佇列，位置 %2：此流程同時可執行的數量有限。</translation>
    </message>
    <message>
        <source>Not started: the flow is already running (%1) and its settings allow only one execution at a time.</source>
        <translation>未開始：此流程正在執行中（%1），而其設定同一時間只允許一個執行。</translation>
    </message>
    <message>
        <source>Export Flow</source>
        <translation>匯出流程</translation>
    </message>
    <message>
        <source>HiveMind flows (*.json)</source>
        <translation>HiveMind 流程 (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已匯出至 %1。</translation>
    </message>
    <message>
        <source>Your role (viewer) can look at flows but not change them.</source>
        <translation>您的角色（檢視者）可以查看流程，但不能變更。</translation>
    </message>
    <message>
        <source>This flow is shared with you to view and run; changing it needs edit permission.</source>
        <translation>此流程以檢視與執行權限分享給您；變更它需要編輯權限。</translation>
    </message>
    <message>
        <source>Your role (viewer) cannot run flows.</source>
        <translation>您的角色（檢視者）不能執行流程。</translation>
    </message>
    <message>
        <source>Only the owner and people it is shared with as admin can share this flow.</source>
        <translation>只有擁有者與以「管理」權限分享的人員可以分享此流程。</translation>
    </message>
    <message>
        <source>Save the changes as a new draft version</source>
        <translation>將變更儲存為新的草稿版本</translation>
    </message>
    <message>
        <source>No unsaved changes</source>
        <translation>沒有未儲存的變更</translation>
    </message>
    <message>
        <source>Publish the latest version (unsaved changes are saved first)</source>
        <translation>發布最新版本（未儲存的變更會先儲存）</translation>
    </message>
    <message>
        <source>Start an execution with inputs you enter</source>
        <translation>以您輸入的資料開始一次執行</translation>
    </message>
    <message>
        <source>Choose who else sees, edits or shares the flow</source>
        <translation>選擇還有誰可以檢視、編輯或分享此流程</translation>
    </message>
    <message>
        <source>The URL that starts the flow without signing in</source>
        <translation>不需登入即可啟動此流程的 URL</translation>
    </message>
    <message>
        <source>Save the flow to a JSON file</source>
        <translation>將流程儲存為 JSON 檔案</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Published · version %1</source>
        <translation>已發布 · 版本 %1</translation>
    </message>
    <message>
        <source>Draft · version %1</source>
        <translation>草稿 · 版本 %1</translation>
    </message>
    <message>
        <source>%1 · unsaved changes</source>
        <translation>%1 · 有未儲存的變更</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>正在發布…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在啟動…</translation>
    </message>
    <message>
        <source>← Flows</source>
        <translation>← 流程</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>發布(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>執行(&amp;R)…</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>分享(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Webhook…</source>
        <translation>Webhook 設定(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>Back to the list of flows</source>
        <translation>返回流程清單</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Opening the flow…</source>
        <translation>正在開啟流程…</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>再試一次(&amp;T)</translation>
    </message>
    <message>
        <source>Restore Version</source>
        <translation>還原版本</translation>
    </message>
    <message>
        <source>Restoring version %1 replaces your unsaved changes to “%2”. Restore it anyway?</source>
        <translation>還原版本 %1 會取代您對「%2」尚未儲存的變更。仍要還原嗎？</translation>
    </message>
    <message>
        <source>Version %1 restored as version %2 (draft).</source>
        <translation>已將版本 %1 還原為版本 %2（草稿）。</translation>
    </message>
    <message>
        <source>Reading the versions…</source>
        <translation>正在讀取版本…</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s). Select one to open it, or two to compare them.</source>
        <translation>
            <numerusform>共 %n 個版本。選取一個以開啟，或選取兩個以比較。</numerusform>
        </translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>&amp;Open Read-Only</source>
        <translation>以唯讀開啟(&amp;O)</translation>
    </message>
    <message>
        <source>Show the selected version without changing the draft</source>
        <translation>顯示所選版本，不變更草稿</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比較(&amp;C)</translation>
    </message>
    <message>
        <source>Compare two selected versions, or one version with the draft on the canvas</source>
        <translation>比較兩個所選版本，或將一個版本與畫布上的草稿比較</translation>
    </message>
    <message numerus="yes">
        <source>Saved as version %1 (draft) with %n problem(s): fix them before publishing or running it.</source>
        <translation>
            <numerusform>已儲存為版本 %1（草稿），其中有 %n 個問題：請先修正，才能發布或執行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version %1 was not published: it has %n problem(s). Fix them (see Problems), save, then publish.</source>
        <translation>
            <numerusform>版本 %1 未發布：其中有 %n 個問題。請修正這些問題（見「問題」面板）並儲存，再發布。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowEditorWidget</name>
    <message numerus="yes">
        <source>Arranged %n node(s) with %1.</source>
        <translation>
            <numerusform>已用 %1 排列 %n 個節點。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>復原：%1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>剪下</translation>
    </message>
    <message>
        <source>Cut the selected nodes</source>
        <translation>剪下選取的節點</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>複製選取的節點</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼上</translation>
    </message>
    <message>
        <source>Paste nodes from the clipboard</source>
        <translation>從剪貼簿貼上節點</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>再製</translation>
    </message>
    <message>
        <source>Duplicate the selected nodes</source>
        <translation>再製選取的節點</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections</source>
        <translation>刪除選取的節點與連線</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全選</translation>
    </message>
    <message>
        <source>Select all nodes</source>
        <translation>選取所有節點</translation>
    </message>
    <message>
        <source>Add Node…</source>
        <translation>加入節點…</translation>
    </message>
    <message>
        <source>Search for a component and add it at the pointer</source>
        <translation>搜尋元件並加到游標所在處</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大檢視</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小檢視</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全部顯示</translation>
    </message>
    <message>
        <source>Show the whole flow</source>
        <translation>顯示整個流程</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>縮放至選取範圍</translation>
    </message>
    <message>
        <source>Show the selected nodes</source>
        <translation>顯示選取的節點</translation>
    </message>
    <message>
        <source>Snap to Grid</source>
        <translation>對齊格線</translation>
    </message>
    <message>
        <source>Align moved and added nodes to the grid</source>
        <translation>將移動與新增的節點對齊格線</translation>
    </message>
    <message>
        <source>Auto-Layout</source>
        <translation>自動排列</translation>
    </message>
    <message>
        <source>Arrange all nodes from left to right</source>
        <translation>由左至右排列所有節點</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Flow editor</source>
        <translation>流程編輯器</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>檢閱器</translation>
    </message>
    <message>
        <source>Show or hide the inspector</source>
        <translation>顯示或隱藏檢閱器</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Show or hide the list of problems</source>
        <translation>顯示或隱藏問題清單</translation>
    </message>
    <message>
        <source>Selection</source>
        <comment>toolbar: short for Zoom to Selection</comment>
        <translation>選取範圍</translation>
    </message>
    <message>
        <source>Snap</source>
        <comment>toolbar: short for Snap to Grid</comment>
        <translation>對齊</translation>
    </message>
    <message numerus="yes">
        <source>Arranging %n node(s)…</source>
        <translation>
            <numerusform>正在排列 %n 個節點…</numerusform>
        </translation>
    </message>
    <message>
        <source>The flow changed while it was being arranged: nothing was moved.</source>
        <translation>排列期間流程已變更：未移動任何節點。</translation>
    </message>
    <message>
        <source>Minimap</source>
        <translation>小地圖</translation>
    </message>
    <message>
        <source>Show or hide the overview of the whole flow in the canvas&apos;s corner</source>
        <translation>顯示或隱藏畫布角落的整個流程總覽</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowFragment</name>
    <message>
        <source>The pasted text is not flow nodes: %1 at character %2.</source>
        <translation>貼上的文字不是流程節點：%1（位於第 %2 個字元）。</translation>
    </message>
    <message>
        <source>The pasted text is not flow nodes: it has no list of nodes.</source>
        <translation>貼上的文字不是流程節點：其中沒有節點清單。</translation>
    </message>
    <message>
        <source>The pasted nodes are not valid: %1</source>
        <translation>貼上的節點無效：%1</translation>
    </message>
    <message>
        <source>The pasted nodes use the id &quot;%1&quot; twice.</source>
        <translation>貼上的節點重複使用了 ID「%1」。</translation>
    </message>
    <message>
        <source>The pasted text holds no nodes.</source>
        <translation>貼上的文字中沒有任何節點。</translation>
    </message>
    <message>
        <source>A pasted connection refers to the node &quot;%1&quot;, which is not pasted.</source>
        <translation>貼上的某條連線指向節點「%1」，但該節點不在貼上的內容中。</translation>
    </message>
    <message>
        <source>The pasted connections form a cycle.</source>
        <translation>貼上的連線構成了循環。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowGraphModel</name>
    <message>
        <source>The flow definition cannot be opened: %1</source>
        <translation>無法開啟流程定義：%1</translation>
    </message>
    <message>
        <source>The flow settings are not valid: %1</source>
        <translation>流程設定無效：%1</translation>
    </message>
    <message>
        <source>The flow definition uses the node id &quot;%1&quot; twice.</source>
        <translation>流程定義重複使用了節點 ID「%1」。</translation>
    </message>
    <message>
        <source>The flow definition uses the edge id &quot;%1&quot; twice.</source>
        <translation>流程定義重複使用了連線 ID「%1」。</translation>
    </message>
    <message>
        <source>The flow definition cannot be opened: the text is not an object.</source>
        <translation>無法開啟流程定義：內容不是物件。</translation>
    </message>
    <message>
        <source>There is no node &quot;%1&quot;.</source>
        <translation>找不到節點「%1」。</translation>
    </message>
    <message>
        <source>A node cannot be connected to itself.</source>
        <translation>節點不能連接到自己。</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no output &quot;%2&quot;.</source>
        <translation>節點「%1」沒有輸出「%2」。</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no input &quot;%2&quot;.</source>
        <translation>節點「%1」沒有輸入「%2」。</translation>
    </message>
    <message>
        <source>Output &quot;%1&quot; gives %2, but input &quot;%3&quot; takes %4.</source>
        <translation>輸出「%1」提供 %2，但輸入「%3」需要 %4。</translation>
    </message>
    <message>
        <source>These ports are already connected.</source>
        <translation>這兩個連接埠之間已有連線。</translation>
    </message>
    <message>
        <source>Input &quot;%1&quot; of node &quot;%2&quot; is already fed by node &quot;%3&quot;.</source>
        <translation>節點「%2」的輸入「%1」已由節點「%3」提供。</translation>
    </message>
    <message>
        <source>This connection would create a cycle: %1</source>
        <translation>這條連線會形成循環：%1</translation>
    </message>
    <message>
        <source>A node needs a component.</source>
        <translation>節點必須指定元件。</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>新增節點</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation>套用版面配置</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>連接</translation>
    </message>
    <message>
        <source>There is no connection &quot;%1&quot;.</source>
        <translation>找不到連線「%1」。</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>中斷連接</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>變更組態</translation>
    </message>
    <message>
        <source>Change input mappings</source>
        <translation>變更輸入對應</translation>
    </message>
    <message>
        <source>An input mapping needs an input name.</source>
        <translation>輸入對應必須指定輸入名稱。</translation>
    </message>
    <message>
        <source>Change flow settings</source>
        <translation>變更流程設定</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼上</translation>
    </message>
    <message>
        <source>This flow is open read-only: it cannot be changed here.</source>
        <translation>此流程以唯讀方式開啟：無法在此變更。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowItems</name>
    <message>
        <source>%1 (%2, required)</source>
        <translation>%1（%2，必填）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The component %1 is not known to the server.</source>
        <translation>伺服器不認得元件 %1。</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1.</source>
        <translation>伺服器沒有 %1 的 %2 版。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowLayout</name>
    <message>
        <source>built-in layered layout</source>
        <translation>內建分層排列</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowListModel</name>
    <message>
        <source>Published · version %1</source>
        <translation>已發布 · 版本 %1</translation>
    </message>
    <message>
        <source>Draft · version %1 (version %2 published)</source>
        <translation>草稿 · 版本 %1（已發布版本 %2）</translation>
    </message>
    <message>
        <source>Draft · version %1</source>
        <translation>草稿 · 版本 %1</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>從未執行</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>執行 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Last execution</source>
        <translation>最近一次執行</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新時間</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowMinimap</name>
    <message>
        <source>Overview: click to move there</source>
        <translation>總覽：點一下即移至該處</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowNameDialog</name>
    <message>
        <source>Enter a name: a flow cannot be saved without one.</source>
        <translation>請輸入名稱：流程必須有名稱才能儲存。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowRetentionDialog</name>
    <message>
        <source>Saved. The next retention pass applies it.</source>
        <translation>已儲存，下一輪保留清理時套用。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n execution(s)</source>
        <translation>
            <numerusform>%n 次執行</numerusform>
        </translation>
    </message>
    <message>
        <source>Applies: the server&apos;s setting (Settings › Retention).</source>
        <translation>適用：伺服器的設定（設定 › 保留期限）。</translation>
    </message>
    <message>
        <source>Applies: %1, the server&apos;s setting (Settings › Retention).</source>
        <translation>適用：%1，伺服器的設定（設定 › 保留期限）。</translation>
    </message>
    <message>
        <source>Applies: %1, this flow&apos;s own setting.</source>
        <translation>適用：%1，此流程自己的設定。</translation>
    </message>
    <message>
        <source>History Retention of “%1”</source>
        <translation>「%1」的歷程保留</translation>
    </message>
    <message>
        <source>How long the server keeps the ended executions of this flow, and how many. Running and queued executions are never removed.</source>
        <translation>伺服器保留此流程已結束執行的時間與數量。執行中與佇列中的執行不會被移除。</translation>
    </message>
    <message>
        <source>Keep &amp;for:</source>
        <translation>保留時間(&amp;F)：</translation>
    </message>
    <message>
        <source>Keep at &amp;most:</source>
        <translation>最多保留(&amp;M)：</translation>
    </message>
    <message>
        <source>The server&apos;s setting</source>
        <translation>伺服器的設定</translation>
    </message>
    <message>
        <source>Days of its own</source>
        <translation>自訂天數</translation>
    </message>
    <message>
        <source>A number of its own</source>
        <translation>自訂數量</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> executions</source>
        <translation> 次執行</translation>
    </message>
    <message>
        <source>Changing it needs edit permission on the flow.</source>
        <translation>變更此設定需要該流程的編輯權限。</translation>
    </message>
    <message>
        <source>Use the Server&apos;s Settings</source>
        <translation>使用伺服器的設定</translation>
    </message>
    <message>
        <source>Both limits follow Settings › Retention again (after Save).</source>
        <translation>兩項限制重新依照「設定 › 保留期限」（儲存後生效）。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowVersionViewer</name>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>%1: added %2</source>
        <translation>%1：新增 %2</translation>
    </message>
    <message>
        <source>%1: removed (was %2)</source>
        <translation>%1：已移除（原為 %2）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>+ %1: node added (%2)</source>
        <translation>+ %1：新增節點（%2）</translation>
    </message>
    <message>
        <source>− %1: node removed (%2)</source>
        <translation>− %1：移除節點（%2）</translation>
    </message>
    <message>
        <source>component</source>
        <translation>元件</translation>
    </message>
    <message>
        <source>config</source>
        <translation>組態</translation>
    </message>
    <message>
        <source>input mappings</source>
        <translation>輸入映射</translation>
    </message>
    <message>
        <source>other fields</source>
        <translation>其他欄位</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>%1: moved</source>
        <translation>%1：已移動</translation>
    </message>
    <message>
        <source>~ %1: %2 changed</source>
        <translation>~ %1：%2 已變更</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>config · %1</source>
        <translation>組態 · %1</translation>
    </message>
    <message>
        <source>input · %1</source>
        <translation>輸入 · %1</translation>
    </message>
    <message>
        <source>+ connection %1 → %2 added</source>
        <translation>+ 新增連線 %1 → %2</translation>
    </message>
    <message>
        <source>− connection %1 → %2 removed</source>
        <translation>− 移除連線 %1 → %2</translation>
    </message>
    <message>
        <source>~ flow settings changed</source>
        <translation>~ 流程設定已變更</translation>
    </message>
    <message>
        <source>~ definition · %1</source>
        <translation>~ 定義 · %1</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>沒有差異。</translation>
    </message>
    <message>
        <source>&amp;Restore as Draft</source>
        <translation>還原為草稿(&amp;R)</translation>
    </message>
    <message>
        <source>Save this version&apos;s content as a new draft version after the latest one</source>
        <translation>將此版本的內容另存為最新版本之後的新草稿版本</translation>
    </message>
    <message>
        <source>&amp;Back to the Draft</source>
        <translation>返回草稿(&amp;B)</translation>
    </message>
    <message>
        <source>Close this view and go back to editing</source>
        <translation>關閉此檢視並返回編輯</translation>
    </message>
    <message>
        <source>You may look at this flow but not change it.</source>
        <translation>您可以檢視此流程，但無法變更。</translation>
    </message>
    <message>
        <source>Version %1 of “%2”, saved by %3 on %4. Read-only: restore it as a draft to edit it.</source>
        <translation>「%2」的版本 %1，由 %3 於 %4 儲存。唯讀：請將其還原為草稿後再編輯。</translation>
    </message>
    <message>
        <source>your draft</source>
        <translation>您的草稿</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Changes from %1 to %2. Read-only.</source>
        <translation>變更：%1 → %2。唯讀。</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>新增 %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>移除 %n 個</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>變更 %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections: %1 added, %2 removed. Settings: %3 changed.</source>
        <translation>連線：新增 %1 條、移除 %2 條。設定：變更 %3 項。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowVersionsModel</name>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>● Published</source>
        <translation>● 已發布</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已淘汰</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published on %1: runs and the webhook use this version.</source>
        <translation>於 %1 發布：執行與 Webhook 都使用此版本。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>儲存時間</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowView</name>
    <message>
        <source>Select the nodes to zoom to first.</source>
        <translation>請先選取要縮放檢視的節點。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Select the nodes to copy first.</source>
        <translation>請先選取要複製的節點。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s).</source>
        <translation>
            <numerusform>已複製 %n 個節點。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the nodes to cut first.</source>
        <translation>請先選取要剪下的節點。</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>剪貼簿中沒有節點。</translation>
    </message>
    <message>
        <source>Select the nodes to duplicate first.</source>
        <translation>請先選取要再製的節點。</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n node(s).</source>
        <translation>
            <numerusform>已貼上 %n 個節點。</numerusform>
        </translation>
    </message>
    <message>
        <source>No components are known yet: connect to a server first.</source>
        <translation>尚無任何已知元件：請先連線到伺服器。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>加入 %1</translation>
    </message>
    <message>
        <source>This flow has no nodes yet</source>
        <translation>此流程尚無節點</translation>
    </message>
    <message>
        <source>Drag a component from the palette, or press %1 or start typing to add one here.</source>
        <translation>從元件面板拖曳元件到這裡，或按 %1 鍵、直接輸入名稱來加入。</translation>
    </message>
    <message>
        <source>This flow is open read-only: it cannot be changed here.</source>
        <translation>此流程以唯讀方式開啟：無法在此變更。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowsPage</name>
    <message>
        <source>More flows could not be loaded: %1</source>
        <translation>無法載入更多流程：%1</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes</source>
        <translation>還原未儲存的變更</translation>
    </message>
    <message>
        <source>The console closed before your changes to “%1” (autosaved %2) were saved. Open the flow with them now? Discard deletes them; Cancel keeps them for when you next open the flow.</source>
        <translation>主控台在您對「%1」的變更（自動儲存於 %2）儲存前就關閉了。要立即開啟流程並套用這些變更嗎？「捨棄」會刪除這些變更；「取消」則保留到您下次開啟此流程時。</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>尚未登入</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在連線到伺服器…</translation>
    </message>
    <message>
        <source>Loading flows…</source>
        <translation>正在載入流程…</translation>
    </message>
    <message>
        <source>The flows cannot be shown</source>
        <translation>無法顯示流程</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>再試一次(&amp;T)</translation>
    </message>
    <message>
        <source>%1: %2 (request %3)</source>
        <translation>%1：%2（請求 %3）</translation>
    </message>
    <message>
        <source>No flows match</source>
        <translation>沒有符合的流程</translation>
    </message>
    <message>
        <source>No flow you can see has “%1” in its name.</source>
        <translation>在您可查看的流程中，沒有名稱包含「%1」的流程。</translation>
    </message>
    <message>
        <source>You have not created any flows yet.</source>
        <translation>您尚未建立任何流程。</translation>
    </message>
    <message>
        <source>Nobody has shared a flow with you yet.</source>
        <translation>目前還沒有人分享流程給您。</translation>
    </message>
    <message>
        <source>Show &amp;All Flows</source>
        <translation>顯示所有流程(&amp;A)</translation>
    </message>
    <message>
        <source>No flows yet</source>
        <translation>尚無流程</translation>
    </message>
    <message>
        <source>A flow is a graph of components that the server runs step by step each time it is triggered. Create one, or import a flow file.</source>
        <translation>流程是由元件組成的圖，每次觸發時伺服器會逐步執行它。建立一個流程，或匯入流程檔案。</translation>
    </message>
    <message>
        <source>&amp;New Flow</source>
        <translation>新增流程(&amp;N)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n flow(s) shown</source>
        <translation>
            <numerusform>顯示 %1 個，共 %n 個流程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n 個流程</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role (viewer) can look at flows but not change them.</source>
        <translation>您的角色（檢視者）可以查看流程，但不能變更。</translation>
    </message>
    <message>
        <source>Select a flow first.</source>
        <translation>請先選取一個流程。</translation>
    </message>
    <message>
        <source>Create an empty flow and open it</source>
        <translation>建立空白流程並開啟</translation>
    </message>
    <message>
        <source>Create a flow from a JSON file</source>
        <translation>從 JSON 檔案建立流程</translation>
    </message>
    <message>
        <source>Open the flow in the editor (double-clicking a row does the same)</source>
        <translation>在編輯器中開啟流程（按兩下某一列也可以）</translation>
    </message>
    <message>
        <source>Your role (viewer) cannot run flows.</source>
        <translation>您的角色（檢視者）不能執行流程。</translation>
    </message>
    <message>
        <source>Start an execution with inputs you enter</source>
        <translation>以您輸入的資料開始一次執行</translation>
    </message>
    <message>
        <source>This flow is shared with you to view and run; renaming it needs edit permission.</source>
        <translation>此流程以檢視與執行權限分享給您；重新命名需要編輯權限。</translation>
    </message>
    <message>
        <source>Give the flow another name</source>
        <translation>為流程取一個新名稱</translation>
    </message>
    <message>
        <source>Create a copy of the flow&apos;s latest version under a new name</source>
        <translation>以新名稱建立此流程最新版本的複本</translation>
    </message>
    <message>
        <source>Only the flow&apos;s owner (or an administrator) can delete it.</source>
        <translation>只有流程擁有者（或管理員）可以刪除它。</translation>
    </message>
    <message>
        <source>Delete the flow with its versions, shares and webhook</source>
        <translation>刪除此流程及其版本、分享與 Webhook</translation>
    </message>
    <message>
        <source>Only the owner and people it is shared with as admin can share this flow.</source>
        <translation>只有擁有者與以「管理」權限分享的人員可以分享此流程。</translation>
    </message>
    <message>
        <source>Choose who else sees, edits or shares the flow</source>
        <translation>選擇還有誰可以檢視、編輯或分享此流程</translation>
    </message>
    <message>
        <source>The webhook of a flow needs edit permission on it.</source>
        <translation>流程的 Webhook 需要該流程的編輯權限。</translation>
    </message>
    <message>
        <source>The URL that starts the flow without signing in</source>
        <translation>不需登入即可啟動此流程的 URL</translation>
    </message>
    <message>
        <source>Save the flow&apos;s latest version to a JSON file</source>
        <translation>將流程的最新版本儲存為 JSON 檔案</translation>
    </message>
    <message>
        <source>Read the list from the server again</source>
        <translation>重新從伺服器讀取清單</translation>
    </message>
    <message>
        <source>Search the flows by name</source>
        <translation>依名稱搜尋流程</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>“%1” was not created. %2</source>
        <translation>未建立「%1」。%2</translation>
    </message>
    <message>
        <source>New Flow</source>
        <translation>新增流程</translation>
    </message>
    <message>
        <source>Name of the new flow:</source>
        <translation>新流程的名稱：</translation>
    </message>
    <message>
        <source>Created “%1”.</source>
        <translation>已建立「%1」。</translation>
    </message>
    <message>
        <source>Import Flow</source>
        <translation>匯入流程</translation>
    </message>
    <message>
        <source>HiveMind flows (*.json)</source>
        <translation>HiveMind 流程 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be imported.

%2</source>
        <translation>無法匯入 %1。

%2</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未匯入任何內容：%1</translation>
    </message>
    <message>
        <source>Name of the imported flow:</source>
        <translation>匯入流程的名稱：</translation>
    </message>
    <message>
        <source>Imported “%1” as a new flow.</source>
        <translation>已將「%1」匯入為新流程。</translation>
    </message>
    <message>
        <source>Rename Flow</source>
        <translation>重新命名流程</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>「%1」的新名稱：</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>已將「%1」重新命名為「%2」。</translation>
    </message>
    <message>
        <source>“%1” was not renamed. %2</source>
        <translation>未重新命名「%1」。%2</translation>
    </message>
    <message>
        <source>Duplicate Flow</source>
        <translation>再製流程</translation>
    </message>
    <message>
        <source>Name of the copy of “%1”:</source>
        <translation>「%1」複本的名稱：</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（複本）</translation>
    </message>
    <message>
        <source>Created “%1” as a copy.</source>
        <translation>已建立複本「%1」。</translation>
    </message>
    <message>
        <source>Delete Flow</source>
        <translation>刪除流程</translation>
    </message>
    <message>
        <source>Delete “%1”? Its versions, its webhook and its shares are deleted with it; the history of its executions stays.</source>
        <translation>要刪除「%1」嗎？其版本、Webhook 與分享都會一併刪除；其執行紀錄會保留。</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已刪除「%1」。</translation>
    </message>
    <message>
        <source>“%1” was not deleted. %2</source>
        <translation>未刪除「%1」。%2</translation>
    </message>
    <message>
        <source>Export Flow</source>
        <translation>匯出流程</translation>
    </message>
    <message>
        <source>Exported “%1” (version %2) to %3.</source>
        <translation>已將「%1」（版本 %2）匯出至 %3。</translation>
    </message>
    <message>
        <source>“%1” did not start. %2</source>
        <translation>「%1」未開始。%2</translation>
    </message>
    <message>
        <source>“%1” did not start: it is already running and its settings allow only one execution at a time.</source>
        <translation>「%1」未開始：它正在執行中，而其設定同一時間只允許一個執行。</translation>
    </message>
    <message>
        <source>Execution %1 of “%2” is queued at position %3.</source>
        <translation>「%2」的執行 %1 已排入佇列，位置 %3。</translation>
    </message>
    <message>
        <source>Execution %1 of “%2” started.</source>
        <translation>「%2」的執行 %1 已開始。</translation>
    </message>
    <message>
        <source>&amp;New Flow…</source>
        <translation>新增流程(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>執行(&amp;R)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>再製(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>刪除(&amp;D)…</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>分享(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Webhook…</source>
        <translation>Webhook 設定(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Find Flow</source>
        <translation>尋找流程(&amp;F)</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, runs and sharing.</source>
        <translation>以元件組成的圖來設計的工作流程，包含其版本、執行與分享。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>依名稱搜尋</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>所有流程</translation>
    </message>
    <message>
        <source>My flows</source>
        <translation>我的流程</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>與我分享的</translation>
    </message>
    <message>
        <source>How long and how many of its ended executions are kept</source>
        <translation>流程已結束的執行要保留多久、保留多少</translation>
    </message>
    <message>
        <source>History Re&amp;tention…</source>
        <translation>歷程保留(&amp;T)…</translation>
    </message>
    <message>
        <source>Fl&amp;ow</source>
        <translation>流程(&amp;O)</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>重新命名(&amp;M)…</translation>
    </message>
    <message>
        <source>Refresh &amp;List</source>
        <translation>重新整理清單(&amp;L)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::GanttTimeline</name>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>No node has run yet.</source>
        <translation>尚無節點執行過。</translation>
    </message>
    <message>
        <source>%1, attempt %2: %3</source>
        <translation>%1，第 %2 次嘗試：%3</translation>
    </message>
    <message>
        <source>Started %1, took %2</source>
        <translation>開始於 %1，耗時 %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
    <message>
        <source>Retried after a wait.</source>
        <translation>等候後已重試。</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier attempt(s) made while not connected.</source>
        <translation>
            <numerusform>連線中斷期間另有 %n 次較早的嘗試。</numerusform>
        </translation>
    </message>
    <message>
        <source>Outputs reused from the execution re-run.</source>
        <translation>輸出沿用自被重新執行的那次執行。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>hm::app::Inspector</name>
    <message>
        <source>string</source>
        <translation>字串</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整數</translation>
    </message>
    <message>
        <source>number</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布林值</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>位元組</translation>
    </message>
    <message>
        <source>object</source>
        <translation>物件</translation>
    </message>
    <message>
        <source>array</source>
        <translation>陣列</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
</context>
<context>
    <name>hm::app::InspectorWidget</name>
    <message>
        <source>The server does not know the component %1, so its configuration cannot be checked. Edit it as JSON.</source>
        <translation>伺服器不認得元件 %1，因此無法檢查其組態。請以 JSON 編輯。</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1, so its configuration cannot be checked. Edit it as JSON.</source>
        <translation>伺服器沒有 %1 的 %2 版，因此無法檢查其組態。請以 JSON 編輯。</translation>
    </message>
    <message>
        <source>The component %1 describes no configuration. Anything entered here is handed to it as it is.</source>
        <translation>元件 %1 未描述任何組態。在此輸入的內容會原封不動交給它。</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · 版本 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes selected</source>
        <translation>
            <numerusform>已選取 %n 個節點</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a single node to edit it. Meanwhile the flow&apos;s settings are shown.</source>
        <translation>選取單一節點即可編輯。在此之前顯示流程設定。</translation>
    </message>
    <message>
        <source>Flow settings</source>
        <translation>流程設定</translation>
    </message>
    <message>
        <source>Select a node to edit its configuration and inputs.</source>
        <translation>選取節點以編輯其組態與輸入。</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>組態</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>The node&apos;s configuration</source>
        <translation>節點的組態</translation>
    </message>
    <message>
        <source>Where each input of the node gets its value</source>
        <translation>節點的每個輸入從何處取得值</translation>
    </message>
    <message>
        <source>Concurrency, timeouts, retry, history, notifications</source>
        <translation>並行、逾時、重試、歷程、通知</translation>
    </message>
    <message>
        <source>The same as JSON text</source>
        <translation>以 JSON 文字呈現相同內容</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>檢閱器</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <source>%1: %2 %3 — %4</source>
        <translation>%1：%2 %3 — %4</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>端點(&amp;E)</translation>
    </message>
    <message>
        <source>Choose an endpoint</source>
        <translation>選擇端點</translation>
    </message>
    <message>
        <source>Deleted service</source>
        <translation>已刪除的服務</translation>
    </message>
    <message>
        <source>Unknown service</source>
        <translation>不明的服務</translation>
    </message>
    <message>
        <source>unknown endpoint</source>
        <translation>不明的端點</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (not listed yet)</source>
        <translation>%1（尚未列出）</translation>
    </message>
    <message>
        <source>The list of endpoints does not have this endpoint (yet).</source>
        <translation>端點清單（尚）未列出此端點。</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>%1 (service inactive)</source>
        <translation>%1（服務未啟用）</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1（已移除）</translation>
    </message>
</context>
<context>
    <name>hm::app::Ipv6PoolsPane</name>
    <message>
        <source>The pools could not be read: %1</source>
        <translation>無法讀取集區：%1</translation>
    </message>
    <message>
        <source>The allocations could not be read: %1</source>
        <translation>無法讀取配發：%1</translation>
    </message>
    <message>
        <source>New pool...</source>
        <translation>新增集區…</translation>
    </message>
    <message>
        <source>Edit pool...</source>
        <translation>編輯集區…</translation>
    </message>
    <message>
        <source>Delete pool...</source>
        <translation>刪除集區…</translation>
    </message>
    <message>
        <source>Delegate prefix...</source>
        <translation>委派前綴…</translation>
    </message>
    <message>
        <source>Release...</source>
        <translation>釋放…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前綴</translation>
    </message>
    <message>
        <source>Delegated length</source>
        <translation>委派長度</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已配發</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>Allocated at</source>
        <translation>配發時間</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>啟用中</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>%1 of %2 prefixes available</source>
        <translation>%2 個前綴中有 %1 個可用</translation>
    </message>
    <message>
        <source>%1 (no WireGuard client)</source>
        <translation>%1（無 WireGuard 用戶端）</translation>
    </message>
    <message>
        <source>Sign in to see the IPv6 prefix pools.</source>
        <translation>登入後即可查看 IPv6 前綴集區。</translation>
    </message>
    <message>
        <source>No IPv6 prefix pools yet. A pool is a prefix (e.g. 2001:db8::/48) cut into prefixes of one length (e.g. /56) delegated to clients.</source>
        <translation>尚無 IPv6 前綴集區。集區是一個前綴（例如 2001:db8::/48），切分成同一長度的前綴（例如 /56）委派給用戶端。</translation>
    </message>
    <message>
        <source>Prefixes delegated from %1</source>
        <translation>從 %1 委派的前綴</translation>
    </message>
    <message>
        <source>Delegated prefixes</source>
        <translation>已委派的前綴</translation>
    </message>
    <message>
        <source>Select a pool to see its delegated prefixes.</source>
        <translation>選取集區以查看其已委派的前綴。</translation>
    </message>
    <message>
        <source>No prefix of this pool is delegated yet.</source>
        <translation>此集區尚未委派任何前綴。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a pool first.</source>
        <translation>請先選取集區。</translation>
    </message>
    <message>
        <source>A new pool: a prefix cut into prefixes of one length.</source>
        <translation>新集區：將一個前綴切分成同一長度的前綴。</translation>
    </message>
    <message>
        <source>Change the pool; its prefix only while none is delegated.</source>
        <translation>變更集區；僅在尚未委派任何前綴時可變更其前綴。</translation>
    </message>
    <message>
        <source>Delete the pool and release its delegated prefixes.</source>
        <translation>刪除集區並釋放其已委派的前綴。</translation>
    </message>
    <message>
        <source>The pool is disabled.</source>
        <translation>此集區已停用。</translation>
    </message>
    <message>
        <source>Delegate a prefix of this pool to a WireGuard client or a name.</source>
        <translation>將此集區的一個前綴委派給 WireGuard 用戶端或指定名稱。</translation>
    </message>
    <message>
        <source>Release the prefix: it is free for the next delegation.</source>
        <translation>釋放前綴：可供下次委派使用。</translation>
    </message>
    <message>
        <source>Select a delegated prefix first.</source>
        <translation>請先選取已委派的前綴。</translation>
    </message>
    <message>
        <source>Edit IPv6 pool</source>
        <translation>編輯 IPv6 集區</translation>
    </message>
    <message>
        <source>New IPv6 pool</source>
        <translation>新增 IPv6 集區</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>前綴(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Delegated length:</source>
        <translation>委派長度(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reserved prefixes:</source>
        <translation>保留前綴數(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Automatic:</source>
        <translation>自動配發(&amp;A)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>說明(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. 2001:db8::/48</source>
        <translation>例如 2001:db8::/48</translation>
    </message>
    <message>
        <source>Hand out the lowest free prefix when none is given</source>
        <translation>未指定時配發最小的可用前綴</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A pool needs a name.</source>
        <translation>集區需要名稱。</translation>
    </message>
    <message>
        <source>An IPv6 prefix with its host bits zero, e.g. 2001:db8::/48.</source>
        <translation>主機位元皆為零的 IPv6 前綴，例如 2001:db8::/48。</translation>
    </message>
    <message>
        <source>At least the pool&apos;s own length, /%1.</source>
        <translation>至少為集區本身的長度 /%1。</translation>
    </message>
    <message>
        <source>Delegate a prefix of %1</source>
        <translation>委派 %1 的前綴</translation>
    </message>
    <message>
        <source>(a name, no WireGuard client)</source>
        <translation>（名稱，非 WireGuard 用戶端）</translation>
    </message>
    <message>
        <source>WireGuard &amp;client:</source>
        <translation>WireGuard 用戶端(&amp;C)：</translation>
    </message>
    <message>
        <source>The name the prefix is delegated to</source>
        <translation>前綴委派對象的名稱</translation>
    </message>
    <message>
        <source>A given prefix</source>
        <translation>指定前綴</translation>
    </message>
    <message>
        <source>Automatic: the lowest free /%1 of %2</source>
        <translation>自動：%2 中最小的可用 /%1</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>委派</translation>
    </message>
    <message>
        <source>Pick a client or give a name.</source>
        <translation>請選擇用戶端或輸入名稱。</translation>
    </message>
    <message>
        <source>A /%1 of %2 with its host bits zero.</source>
        <translation>%2 中主機位元皆為零的 /%1。</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its %2 delegated prefixes are released with it; their clients lose them. This cannot be undone.</source>
        <translation>要刪除「%1」嗎？其 %2 個已委派的前綴會一併釋放，用戶端將失去這些前綴。此操作無法復原。</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? This cannot be undone.</source>
        <translation>要刪除「%1」嗎？此操作無法復原。</translation>
    </message>
    <message>
        <source>Delete IPv6 pool</source>
        <translation>刪除 IPv6 集區</translation>
    </message>
    <message>
        <source>The pool was not deleted: %1</source>
        <translation>集區未刪除：%1</translation>
    </message>
    <message>
        <source>Release prefix</source>
        <translation>釋放前綴</translation>
    </message>
    <message>
        <source>Release %1 of &quot;%2&quot;? Its route is taken away and the next delegation may get it.</source>
        <translation>要釋放「%2」的 %1 嗎？其路由將被移除，下次委派可能會取得此前綴。</translation>
    </message>
    <message>
        <source>The prefix was not released: %1</source>
        <translation>前綴未釋放：%1</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Active: prefixes are delegated from it and it is announced over BGP.</source>
        <translation>啟用中：會從此集區委派前綴，並透過 BGP 宣告。</translation>
    </message>
    <message>
        <source>Disabled: nothing new is delegated from it and it is not announced over BGP; its delegated prefixes stay.</source>
        <translation>已停用：不再從此集區委派新的前綴，也不透過 BGP 宣告；已委派的前綴保留。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>%1 (expired, being released)</source>
        <translation>%1（已到期，正在釋放）</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>狀態(&amp;S)：</translation>
    </message>
    <message>
        <source>A disabled pool delegates nothing new and is not announced over BGP; its delegated prefixes stay.</source>
        <translation>停用的集區不會再委派新的前綴，也不透過 BGP 宣告；已委派的前綴保留。</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>到期時間(&amp;X)：</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期時間</translation>
    </message>
    <message>
        <source>At this time the server releases the prefix by itself; unset, it stays until released.</source>
        <translation>到了這個時間，伺服器會自動釋放此前綴；未設定時，前綴會保留到被釋放為止。</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>到期時間必須是未來的時間。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>釋放</translation>
    </message>
</context>
<context>
    <name>hm::app::JsonField</name>
    <message>
        <source>A JSON value.</source>
        <translation>一個 JSON 值。</translation>
    </message>
    <message>
        <source>This is not valid JSON.</source>
        <translation>這不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Enter a JSON object.</source>
        <translation>請輸入 JSON 物件。</translation>
    </message>
</context>
<context>
    <name>hm::app::KeyStatusPanel</name>
    <message>
        <source>The key status could not be read: %1</source>
        <translation>無法讀取金鑰狀態：%1</translation>
    </message>
    <message>
        <source>Rotate the credential key</source>
        <translation>輪替憑證金鑰</translation>
    </message>
    <message>
        <source>Create a new data key and re-encrypt every stored credential with it? The credentials stay usable while this runs, and the old key is retired at the end.</source>
        <translation>要建立新的資料金鑰，並用它重新加密所有已儲存的憑證嗎？過程中憑證仍可使用，完成後舊金鑰會停用。</translation>
    </message>
    <message>
        <source>The key was not rotated: %1</source>
        <translation>金鑰未輪替：%1</translation>
    </message>
    <message>
        <source>Encryption key</source>
        <translation>加密金鑰</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Reading the key status...</source>
        <translation>正在讀取金鑰狀態…</translation>
    </message>
    <message>
        <source>Credentials are encrypted with data key version %1. Rotating makes a new version and re-encrypts every credential with it.</source>
        <translation>憑證以第 %1 版資料金鑰加密。輪替會建立新版本，並以其重新加密所有憑證。</translation>
    </message>
    <message>
        <source>Data key version %1 is active; the rotation is %2.</source>
        <translation>第 %1 版資料金鑰使用中；輪替狀態：%2。</translation>
    </message>
    <message>
        <source>The last rotation ended %1.</source>
        <translation>上次輪替結束於 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) could not be decrypted and keep the old key.</source>
        <translation>
            <numerusform>有 %n 個憑證無法解密，仍使用舊金鑰。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 re-encrypted</source>
        <translation>已重新加密 %1 / %2</translation>
    </message>
    <message>
        <source>Rotate key...</source>
        <translation>輪替金鑰…</translation>
    </message>
    <message>
        <source>A rotation is running.</source>
        <translation>輪替正在進行中。</translation>
    </message>
    <message>
        <source>Make a new data key and re-encrypt every credential.</source>
        <translation>建立新的資料金鑰並重新加密所有憑證。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>No data key yet: the first credential stored makes one.</source>
        <translation>尚無資料金鑰：儲存第一個憑證時會建立。</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>輪替</translation>
    </message>
</context>
<context>
    <name>hm::app::KillProcessDialog</name>
    <message>
        <source>Kill process</source>
        <translation>終止行程</translation>
    </message>
    <message>
        <source>Send a signal to &quot;%1&quot; (pid %2, user %3) on %4?</source>
        <translation>要向 %4 上的「%1」（pid %2，使用者 %3）傳送訊號嗎？</translation>
    </message>
    <message>
        <source>&amp;Signal:</source>
        <translation>訊號(&amp;S)：</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>終止</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>強制終止</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>掛斷</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>中斷</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>User signal</source>
        <translation>使用者訊號</translation>
    </message>
    <message>
        <source>Asks the process to end; it may clean up first, or ignore it.</source>
        <translation>要求行程結束；它可以先清理，也可以忽略。</translation>
    </message>
    <message>
        <source>Ends the process at once; it cannot clean up or refuse. Unsaved work is lost.</source>
        <translation>立即結束行程；它無法清理或拒絕。未儲存的工作將會遺失。</translation>
    </message>
    <message>
        <source>Many services read their configuration again on it; other programs end.</source>
        <translation>許多服務收到後會重新讀取設定；其他程式則會結束。</translation>
    </message>
    <message>
        <source>As Ctrl+C in a terminal: most programs end.</source>
        <translation>如同在終端機中按 Ctrl+C：多數程式會結束。</translation>
    </message>
    <message>
        <source>Ends the process and may write a core dump.</source>
        <translation>結束行程，並可能寫出核心傾印。</translation>
    </message>
    <message>
        <source>Pauses the process until it gets CONT; it cannot refuse.</source>
        <translation>暫停行程，直到收到 CONT；它無法拒絕。</translation>
    </message>
    <message>
        <source>Resumes a paused process.</source>
        <translation>讓暫停的行程繼續執行。</translation>
    </message>
    <message>
        <source>What it does is up to the program.</source>
        <translation>效果由程式自行決定。</translation>
    </message>
    <message>
        <source>Send SIG%1</source>
        <translation>傳送 SIG%1</translation>
    </message>
</context>
<context>
    <name>hm::app::LogListModel</name>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>層級</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
</context>
<context>
    <name>hm::app::MailSettingsTab</name>
    <message>
        <source>read the mail settings</source>
        <translation>讀取電子郵件設定</translation>
    </message>
    <message>
        <source>save the mail settings</source>
        <translation>儲存電子郵件設定</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>傳送中…</translation>
    </message>
    <message>
        <source>send the test e-mail</source>
        <translation>寄送測試電子郵件</translation>
    </message>
    <message>
        <source>Sent to %1. Check that mailbox.</source>
        <translation>已寄送至 %1，請檢查該信箱。</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未寄出：%1</translation>
    </message>
    <message>
        <source>A password is set.</source>
        <translation>已設定密碼。</translation>
    </message>
    <message>
        <source>No password set.</source>
        <translation>未設定密碼。</translation>
    </message>
    <message>
        <source>type to replace it</source>
        <translation>輸入以取代</translation>
    </message>
    <message>
        <source>only when the server asks for a sign-in</source>
        <translation>僅在伺服器要求登入時需要</translation>
    </message>
    <message>
        <source>Only administrators see and change the mail settings.</source>
        <translation>只有管理員可以檢視及變更電子郵件設定。</translation>
    </message>
    <message>
        <source>SMTP server for account e-mail</source>
        <translation>帳號電子郵件的 SMTP 伺服器</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>smtp.example.com; empty: the server sends no e-mail</source>
        <translation>smtp.example.com；留空：伺服器不寄送電子郵件</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>None (trusted network only)</source>
        <translation>無（僅限受信任的網路）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>寄件者地址</translation>
    </message>
    <message>
        <source>hivemind@example.com</source>
        <translation>hivemind@example.com</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>公開網址</translation>
    </message>
    <message>
        <source>optional: links in the mails; else the mails carry a code</source>
        <translation>選填：郵件中的連結；否則郵件只附代碼</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>測試</translation>
    </message>
    <message>
        <source>Send a test e-mail to</source>
        <translation>寄送測試電子郵件至</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>Send Test</source>
        <translation>寄送測試</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 憑證</translation>
    </message>
</context>
<context>
    <name>hm::app::MainWindow</name>
    <message>
        <source>HiveMind</source>
        <translation>HiveMind</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Navigation Sidebar</source>
        <translation>導覽側欄(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>狀態列(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh Server Status</source>
        <translation>重新整理伺服器狀態(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About HiveMind</source>
        <translation>關於 HiveMind(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>連線中…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已連線至 %1</translation>
    </message>
    <message>
        <source>Server failed: %1</source>
        <translation>伺服器失敗：%1</translation>
    </message>
    <message>
        <source>Server version unknown</source>
        <translation>伺服器版本未知</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>伺服器 %1</translation>
    </message>
    <message>
        <source>Data Directory in Use</source>
        <translation>資料目錄使用中</translation>
    </message>
    <message>
        <source>Another HiveMind server (process %1) is using the data directory %2.</source>
        <translation>另一個 HiveMind 伺服器（處理程序 %1）正在使用資料目錄 %2。</translation>
    </message>
    <message>
        <source>Its address is not known. Stop that server, or start the console with another --data-dir.</source>
        <translation>無法得知它的位址。請停止該伺服器，或以其他 --data-dir 啟動主控台。</translation>
    </message>
    <message>
        <source>Connect to it at %1 instead?</source>
        <translation>要改為連線到位於 %1 的這個伺服器嗎？</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>連線(&amp;C)</translation>
    </message>
    <message>
        <source>No keychain answered, so the sign-in is not saved: you stay signed in until the console closes and sign in again at the next start.</source>
        <translation>沒有可用的鑰匙圈，因此不會儲存這次登入：在主控台關閉前保持登入，下次啟動時需要重新登入。</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>登入(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>檢視者</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>尚未登入</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), for this session only</source>
        <translation>已登入：%1（%2），僅限本次工作階段</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登入：%1（%2）</translation>
    </message>
    <message>
        <source>Local server</source>
        <translation>本機伺服器</translation>
    </message>
    <message>
        <source>S&amp;witch Server</source>
        <translation>切換伺服器(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>佈景主題(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>淺色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Switch Server ▾</source>
        <translation>切換伺服器 ▾</translation>
    </message>
    <message>
        <source>Connect to another server, or add or edit servers</source>
        <translation>連線到其他伺服器，或新增、編輯伺服器</translation>
    </message>
    <message>
        <source>My &amp;Account…</source>
        <translation>我的帳號(&amp;A)…</translation>
    </message>
    <message>
        <source>First start: the local server created the administrator account. Its password was generated and saved in %1; right after signing in you choose your own, and the file is deleted.</source>
        <translation>首次啟動：本機伺服器已建立管理員帳號。其密碼為自動產生，並儲存在 %1；登入後您會立即設定自己的密碼，該檔案隨即刪除。</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>前往</translation>
    </message>
    <message>
        <source>&amp;Find in This View</source>
        <translation>在此檢視中搜尋(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>指令面板(&amp;C)…</translation>
    </message>
    <message>
        <source>A&amp;dd Server…</source>
        <translation>新增伺服器(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>hm::app::MaintenanceDialog</name>
    <message>
        <source>Plan maintenance</source>
        <translation>規劃維護</translation>
    </message>
    <message>
        <source>While the window lasts, the rules raise no alert on the nodes it covers; alerts open already still resolve. A value still over its threshold fires once the window ends and the rule&apos;s time has passed.</source>
        <translation>維護時段內，規則不會對其涵蓋的節點觸發告警；已開啟的告警仍會照常解除。時段結束後，若數值仍超過閾值，會在規則的持續時間過後觸發。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Kernel upgrade</source>
        <translation>核心升級</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>開始(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Lasts:</source>
        <translation>持續(&amp;L)：</translation>
    </message>
    <message>
        <source>Until a time I choose</source>
        <translation>直到我指定的時間</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小時</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>結束(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Covers:</source>
        <translation>涵蓋(&amp;C)：</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>規劃</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A window needs a name.</source>
        <translation>維護時段需要名稱。</translation>
    </message>
    <message>
        <source>The window must end after it starts.</source>
        <translation>維護時段的結束時間必須晚於開始時間。</translation>
    </message>
    <message>
        <source>This end has passed already.</source>
        <translation>此結束時間已經過去。</translation>
    </message>
    <message>
        <source>A window lasts at most 30 days.</source>
        <translation>維護時段最長 30 天。</translation>
    </message>
    <message>
        <source>Pick the node the window covers.</source>
        <translation>請選擇此維護時段涵蓋的節點。</translation>
    </message>
</context>
<context>
    <name>hm::app::MaintenanceModel</name>
    <message>
        <source>In progress</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已規劃</translation>
    </message>
    <message>
        <source>The nodes it covers raise no alert until it ends.</source>
        <translation>時段結束前，其涵蓋的節點不會觸發告警。</translation>
    </message>
    <message>
        <source>Alerts are held back from its start.</source>
        <translation>自開始時間起暫緩告警。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>涵蓋</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>結束</translation>
    </message>
</context>
<context>
    <name>hm::app::MappingEditor</name>
    <message>
        <source>Remove the mapping of %1</source>
        <translation>移除 %1 的對應</translation>
    </message>
    <message>
        <source>This input takes %1.</source>
        <translation>此輸入接受%1。</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>預設：%1</translation>
    </message>
    <message>
        <source>$.trigger.… or $.nodes.…, or a fixed value</source>
        <translation>$.trigger.… 或 $.nodes.…，或固定值</translation>
    </message>
    <message>
        <source>Not mapped: the default %1 is used.</source>
        <translation>未對應：使用預設值 %1。</translation>
    </message>
    <message>
        <source>Required: map this input.</source>
        <translation>必填：請為此輸入設定對應。</translation>
    </message>
    <message>
        <source>Not mapped.</source>
        <translation>未對應。</translation>
    </message>
    <message>
        <source>Type mismatch: this input takes %1, but the mapping gives %2.</source>
        <translation>型別不符：此輸入需要%1，但對應提供的是%2。</translation>
    </message>
    <message>
        <source>Each input gets its value from a mapping: $.trigger.… reads the trigger input, $.nodes.&lt;id&gt;.output.… the output of a node upstream, and anything else is a fixed value (JSON).</source>
        <translation>每個輸入的值來自其對應：$.trigger.… 讀取觸發輸入，$.nodes.&lt;id&gt;.output.… 讀取上游節點的輸出，其他內容則是固定值（JSON）。</translation>
    </message>
    <message>
        <source>This component takes any inputs. Add the ones it should get.</source>
        <translation>此元件接受任何輸入。請加入它應取得的輸入。</translation>
    </message>
    <message>
        <source>The server does not describe this component&apos;s inputs. Add the ones it should get.</source>
        <translation>伺服器未描述此元件的輸入。請加入它應取得的輸入。</translation>
    </message>
    <message>
        <source>Input name</source>
        <translation>輸入名稱</translation>
    </message>
    <message>
        <source>Add Input</source>
        <translation>加入輸入</translation>
    </message>
    <message>
        <source>Add an input and map it</source>
        <translation>加入輸入並設定其對應</translation>
    </message>
</context>
<context>
    <name>hm::app::MappingText</name>
    <message>
        <source>This expression cannot be read at character %1.</source>
        <translation>無法解讀此運算式（第 %1 個字元）。</translation>
    </message>
    <message>
        <source>This reference cannot be read: %1</source>
        <translation>無法解讀此參照：%1</translation>
    </message>
    <message>
        <source>This is not valid JSON. Write text without { [ or &quot; at the start, or complete the JSON.</source>
        <translation>這不是有效的 JSON。純文字請勿以 { [ 或 &quot; 開頭，否則請補齊 JSON。</translation>
    </message>
    <message>
        <source>A fixed value (%1).</source>
        <translation>固定值（%1）。</translation>
    </message>
    <message>
        <source>A fixed value (null).</source>
        <translation>固定值（null）。</translation>
    </message>
    <message>
        <source>A stored blob (bytes).</source>
        <translation>已儲存的二進位資料（位元組）。</translation>
    </message>
    <message>
        <source>Reads the trigger input; its type is known when the flow runs.</source>
        <translation>讀取觸發輸入；其型別要到流程執行時才能得知。</translation>
    </message>
    <message>
        <source>Reads all outputs of node “%1” (object).</source>
        <translation>讀取節點「%1」的所有輸出（物件）。</translation>
    </message>
    <message>
        <source>Reads output “%2” of node “%1” (%3).</source>
        <translation>讀取節點「%1」的輸出「%2」（%3）。</translation>
    </message>
    <message>
        <source>Reads output “%2” of node “%1”; its type is known when the flow runs.</source>
        <translation>讀取節點「%1」的輸出「%2」；其型別要到流程執行時才能得知。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeAgentView</name>
    <message>
        <source>Upgrade agent</source>
        <translation>升級代理程式</translation>
    </message>
    <message>
        <source>Upgrade the agent on &quot;%1&quot; to the latest release? It restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>要將「%1」上的代理程式升級到最新版本嗎？代理程式會以新版本重新啟動；若無法連上伺服器，會自動還原為舊版本。</translation>
    </message>
    <message>
        <source>Upgrade the agent on &quot;%1&quot; to version %2? It restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>要將「%1」上的代理程式升級到版本 %2 嗎？代理程式會以新版本重新啟動；若無法連上伺服器，會自動還原為舊版本。</translation>
    </message>
    <message>
        <source>Restart agent</source>
        <translation>重新啟動代理程式</translation>
    </message>
    <message>
        <source>Restart the agent on &quot;%1&quot;? Its open terminals close.</source>
        <translation>要重新啟動「%1」上的代理程式嗎？已開啟的終端機會關閉。</translation>
    </message>
    <message>
        <source>Reboot node</source>
        <translation>重新開機節點</translation>
    </message>
    <message>
        <source>Reboot &quot;%1&quot;? Everything running on the machine stops; it is offline until it has started again.</source>
        <translation>要將「%1」重新開機嗎？機器上執行中的一切都會停止，重新啟動完成前節點會離線。</translation>
    </message>
    <message>
        <source>Upgrading the agent…</source>
        <translation>正在升級代理程式…</translation>
    </message>
    <message>
        <source>Restarting the agent…</source>
        <translation>正在重新啟動代理程式…</translation>
    </message>
    <message>
        <source>Asking the node to reboot…</source>
        <translation>正在要求節點重新開機…</translation>
    </message>
    <message>
        <source>The agent runs version %1 now.</source>
        <translation>代理程式現在執行版本 %1。</translation>
    </message>
    <message>
        <source>The agent restarted and is back.</source>
        <translation>代理程式已重新啟動並重新連線。</translation>
    </message>
    <message>
        <source>The node is rebooting.</source>
        <translation>節點正在重新開機。</translation>
    </message>
    <message>
        <source>The new agent did not reach the server and the old one was put back.</source>
        <translation>新版代理程式無法連上伺服器，已還原為舊版本。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow it (see its capabilities).</source>
        <translation>此節點的代理程式不允許此操作（請查看其功能）。</translation>
    </message>
    <message>
        <source>It did not work: %1</source>
        <translation>操作未成功：%1</translation>
    </message>
    <message>
        <source>The agent on this node reports version %1.</source>
        <translation>此節點的代理程式回報版本 %1。</translation>
    </message>
    <message>
        <source>The node&apos;s agent.</source>
        <translation>節點的代理程式。</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>latest release</source>
        <translation>最新版本</translation>
    </message>
    <message>
        <source>&amp;Upgrade agent</source>
        <translation>升級代理程式(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Restart agent</source>
        <translation>重新啟動代理程式(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;boot node</source>
        <translation>重新開機節點(&amp;B)</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升級</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新啟動</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重新開機</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeColumnMenu</name>
    <message>
        <source>The name is always shown: it says which node a row is.</source>
        <translation>名稱一律顯示：它標明每一列是哪個節點。</translation>
    </message>
    <message>
        <source>Hidden to fit the window; choose it to show it anyway.</source>
        <translation>因視窗寬度不足而隱藏；選取即可照樣顯示。</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>重設欄位</translation>
    </message>
    <message>
        <source>Show the columns the window has room for, as at first.</source>
        <translation>恢復預設：顯示視窗放得下的欄位。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeComposePane</name>
    <message>
        <source>The compose projects could not be read: %1</source>
        <translation>無法讀取 Compose 專案：%1</translation>
    </message>
    <message>
        <source>Compose running...</source>
        <translation>Compose 執行中…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Partly running</source>
        <translation>部分執行中</translation>
    </message>
    <message>
        <source>Not up</source>
        <translation>未啟動</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Bring compose project down</source>
        <translation>關閉 Compose 專案</translation>
    </message>
    <message>
        <source>Bring &quot;%1&quot; down on %2? Compose stops and removes its containers and networks; its volumes and the project&apos;s files are kept.</source>
        <translation>要在 %2 上關閉「%1」嗎？Compose 會停止並移除其容器與網路；其磁碟區與專案檔案會保留。</translation>
    </message>
    <message>
        <source>Bringing &quot;%1&quot; up...</source>
        <translation>正在啟動「%1」…</translation>
    </message>
    <message>
        <source>Bringing &quot;%1&quot; down...</source>
        <translation>正在關閉「%1」…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is up.</source>
        <translation>「%1」已啟動。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is down.</source>
        <translation>「%1」已關閉。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not brought up: %2</source>
        <translation>「%1」未能啟動：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not brought down: %2</source>
        <translation>「%1」未能關閉：%2</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>啟動</translation>
    </message>
    <message>
        <source>compose up -d in the project&apos;s directory</source>
        <translation>在專案目錄中執行 compose up -d</translation>
    </message>
    <message>
        <source>Down...</source>
        <translation>關閉…</translation>
    </message>
    <message>
        <source>compose down: stops and removes the project&apos;s containers</source>
        <translation>compose down：停止並移除專案的容器</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>專案</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>The compose projects in the agent&apos;s compose roots and those its containers belong to.</source>
        <translation>代理程式 Compose 根目錄中的專案，以及其容器所屬的 Compose 專案。</translation>
    </message>
    <message>
        <source>The compose projects in the agent&apos;s compose roots and those its containers belong to. No compose tool (docker-compose or podman-compose) is installed on this node, so projects cannot be brought up or down from here.</source>
        <translation>代理程式 Compose 根目錄中的專案，以及其容器所屬的 Compose 專案。此節點未安裝 Compose 工具（docker-compose 或 podman-compose），因此無法在此啟動或關閉專案。</translation>
    </message>
    <message>
        <source>Bring down</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeContainerModel</name>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已建立</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>重新啟動中</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>移除中</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>%1, healthy</source>
        <translation>%1，健康</translation>
    </message>
    <message>
        <source>%1, unhealthy</source>
        <translation>%1，不健康</translation>
    </message>
    <message>
        <source>%1, health check starting</source>
        <translation>%1，健康檢查啟動中</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像檔</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態說明</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Compose project</source>
        <translation>Compose 專案</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>停止中</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeDetailPane</name>
    <message>
        <source>Never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>說明：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>標籤：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>位址：</translation>
    </message>
    <message>
        <source>OS / arch:</source>
        <translation>作業系統 / 架構：</translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation>處理器：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>記憶體：</translation>
    </message>
    <message>
        <source>Disk:</source>
        <translation>磁碟：</translation>
    </message>
    <message>
        <source>Agent version:</source>
        <translation>代理程式版本：</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>功能：</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>金鑰指紋：</translation>
    </message>
    <message>
        <source>Last seen:</source>
        <translation>最後上線：</translation>
    </message>
    <message>
        <source>Enrolled:</source>
        <translation>註冊時間：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>建立時間：</translation>
    </message>
    <message>
        <source>Select a node to see its details.</source>
        <translation>選取節點以查看其詳細資料。</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未回報</translation>
    </message>
    <message>
        <source>This node waits for its agent to enrol with the secret shown when it was created.</source>
        <translation>此節點正在等待其代理程式以建立時顯示的密鑰註冊。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n 核心</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>After enrolment</source>
        <translation>註冊後可得知</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeDetailPanel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>This node has not run yet.</source>
        <translation>此節點尚未執行。</translation>
    </message>
    <message>
        <source>No inputs.</source>
        <translation>沒有輸入。</translation>
    </message>
    <message>
        <source>No outputs.</source>
        <translation>沒有輸出。</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Skipped: a node it depends on failed.</source>
        <translation>已略過：它所依賴的節點失敗。</translation>
    </message>
    <message>
        <source>Skipped (%1).</source>
        <translation>已略過（%1）。</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>沒有錯誤。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Error ●</source>
        <translation>錯誤 ●</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Logs (%1)</source>
        <translation>日誌（%1）</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日誌</translation>
    </message>
    <message>
        <source>The node&apos;s details could not be read: %1</source>
        <translation>無法讀取節點的詳細資料：%1</translation>
    </message>
    <message>
        <source>Its outputs were reused from the execution this one re-runs.</source>
        <translation>其輸出沿用自本次所重新執行的那次執行。</translation>
    </message>
    <message>
        <source>Values of sensitive fields are masked by the server.</source>
        <translation>敏感欄位的值已由伺服器遮罩。</translation>
    </message>
    <message>
        <source>Select a node in the graph or the timeline to see its inputs, outputs, error, attempts and logs.</source>
        <translation>在流程圖或時間軸中選取節點，即可查看其輸入、輸出、錯誤、嘗試與日誌。</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>嘗試</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>嘗試</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>耗時</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Targets: %1</source>
        <translation>目標節點：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeDockerView</name>
    <message>
        <source>Log of %1 (the last %2 lines, then what follows)</source>
        <translation>%1 的日誌（最後 %2 行，之後持續更新）</translation>
    </message>
    <message>
        <source>Select a container to see its log.</source>
        <translation>選取容器以檢視其日誌。</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>無法讀取日誌：%1</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>（無標籤）</translation>
    </message>
    <message>
        <source>Starting &quot;%1&quot;...</source>
        <translation>正在啟動「%1」…</translation>
    </message>
    <message>
        <source>Stopping &quot;%1&quot;...</source>
        <translation>正在停止「%1」…</translation>
    </message>
    <message>
        <source>Restarting &quot;%1&quot;...</source>
        <translation>正在重新啟動「%1」…</translation>
    </message>
    <message>
        <source>Started &quot;%1&quot;.</source>
        <translation>已啟動「%1」。</translation>
    </message>
    <message>
        <source>Stopped &quot;%1&quot;.</source>
        <translation>已停止「%1」。</translation>
    </message>
    <message>
        <source>Restarted &quot;%1&quot;.</source>
        <translation>已重新啟動「%1」。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not changed: %2</source>
        <translation>「%1」未變更：%2</translation>
    </message>
    <message>
        <source>Remove the container &quot;%1&quot; on %2? It is running: it will be stopped first. Its volumes are kept.</source>
        <translation>要移除 %2 上的容器「%1」嗎？它正在執行，將先停止。其磁碟區會保留。</translation>
    </message>
    <message>
        <source>Remove the container &quot;%1&quot; on %2? Its volumes are kept.</source>
        <translation>要移除 %2 上的容器「%1」嗎？其磁碟區會保留。</translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation>移除容器</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>已移除「%1」。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not removed: %2</source>
        <translation>「%1」未移除：%2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>啟動</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新啟動</translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日誌</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>映像檔</translation>
    </message>
    <message>
        <source>Compose projects</source>
        <translation>Compose 專案</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Image id</source>
        <translation>映像檔 ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未選取節點</translation>
    </message>
    <message>
        <source>Select a node to see its containers.</source>
        <translation>選取節點以檢視其容器。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>節點離線</translation>
    </message>
    <message>
        <source>Its containers are read from its agent: they show here when the agent connects again.</source>
        <translation>容器資訊由其代理程式讀取：代理程式重新連線後會顯示在此。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow Docker</source>
        <translation>此節點的代理程式未允許 Docker</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;docker&quot;. Add it to the agent&apos;s capabilities on the machine (--allow docker) to manage its containers here.</source>
        <translation>其設定未授權「docker」。請在該機器上將它加入代理程式的功能（--allow docker），即可在此管理其容器。</translation>
    </message>
    <message>
        <source>You may not manage this node&apos;s containers</source>
        <translation>您無權管理此節點的容器</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;docker&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>管理員可在「使用者 → 節點授權」中，為此節點或其標籤授予您「docker」。</translation>
    </message>
    <message>
        <source>Docker is not running on this node</source>
        <translation>此節點上的 Docker 未執行</translation>
    </message>
    <message>
        <source>The agent cannot reach the Docker daemon&apos;s socket. Start Docker on the machine, or point the agent at its socket (--docker-socket).</source>
        <translation>代理程式無法連線到 Docker 常駐程式的 socket。請在該機器上啟動 Docker，或將代理程式指向其 socket（--docker-socket）。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>The containers could not be read</source>
        <translation>無法讀取容器</translation>
    </message>
    <message>
        <source>Reading the containers...</source>
        <translation>正在讀取容器…</translation>
    </message>
    <message>
        <source>No containers</source>
        <translation>沒有容器</translation>
    </message>
    <message>
        <source>Docker on this node has no containers, running or stopped.</source>
        <translation>此節點的 Docker 沒有任何容器（無論執行中或已停止）。</translation>
    </message>
    <message>
        <source>The list could not be refreshed: %1</source>
        <translation>無法重新整理清單：%1</translation>
    </message>
    <message>
        <source>Log of %1 (the last %2 lines, then live)</source>
        <translation>%1 的日誌（最後 %2 行，之後即時顯示）</translation>
    </message>
    <message>
        <source>The live log ended (the container stopped); showing new lines every few seconds.</source>
        <translation>即時日誌已結束（容器已停止）；改為每隔幾秒顯示新行。</translation>
    </message>
    <message>
        <source>The log could not be followed: %1</source>
        <translation>無法即時追蹤日誌：%1</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>即時追蹤</translation>
    </message>
    <message>
        <source>Show new lines live as the container writes them</source>
        <translation>容器寫入新行時即時顯示</translation>
    </message>
    <message>
        <source>Nothing logged yet. New lines appear here as the container writes them.</source>
        <translation>尚無日誌。容器寫入新行時會顯示在此處。</translation>
    </message>
    <message>
        <source>The container has not logged anything yet.</source>
        <translation>此容器尚未輸出任何日誌。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being started, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>「%1」仍在啟動中，或結果尚不明（%2）。下方會重新讀取其狀態。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being stopped, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>「%1」仍在停止中，或結果尚不明（%2）。下方會重新讀取其狀態。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being restarted, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>「%1」仍在重新啟動中，或結果尚不明（%2）。下方會重新讀取其狀態。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being removed, or its outcome is unknown (%2). The list is read again.</source>
        <translation>「%1」仍在移除中，或結果尚不明（%2）。清單會重新讀取。</translation>
    </message>
    <message>
        <source>Stop container</source>
        <translation>停止容器</translation>
    </message>
    <message>
        <source>Stop the container &quot;%1&quot; on %2? Whatever it serves is down until it is started again.</source>
        <translation>要停止 %2 上的容器「%1」嗎？在重新啟動之前，它提供的所有服務都會中斷。</translation>
    </message>
    <message>
        <source>Whether &quot;%1&quot; changed is unknown (%2), and the list could not be read again: %3</source>
        <translation>「%1」是否已變更尚不明（%2），且無法重新讀取清單：%3</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeEditDialog</name>
    <message>
        <source>Edit node</source>
        <translation>編輯節點</translation>
    </message>
    <message>
        <source>Rename &quot;%1&quot; or change its labels and description. Its agent, key and history stay as they are.</source>
        <translation>重新命名「%1」或變更其標籤與說明。其代理程式、金鑰與歷史資料維持不變。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>標籤(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>說明(&amp;D)：</translation>
    </message>
    <message>
        <source>Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>以逗號分隔；最多 %1 個標籤，每個由 1 到 %2 個 a-z、A-Z、0-9、「_」、「.」、「:」或「-」組成。</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A node needs a name.</source>
        <translation>節點需要名稱。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileEditorDialog</name>
    <message>
        <source>Discard changes</source>
        <translation>捨棄變更</translation>
    </message>
    <message>
        <source>Close without saving your changes to &quot;%1&quot;?</source>
        <translation>要關閉而不儲存您對「%1」的變更嗎？</translation>
    </message>
    <message>
        <source>View file</source>
        <translation>檢視檔案</translation>
    </message>
    <message>
        <source>Edit file</source>
        <translation>編輯檔案</translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1（唯讀）</translation>
    </message>
    <message>
        <source>This file changed on the node since you opened it. Reload its current text (your changes are lost) or overwrite it with yours?</source>
        <translation>自您開啟後，此檔案已在節點上變更。要重新載入目前內容（您的變更將遺失），還是以您的版本覆寫？</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆寫</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在儲存...</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>正在讀取檔案...</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已變更</translation>
    </message>
    <message>
        <source>The file could not be opened: it is larger than %1, the most the editor opens. Download it instead.</source>
        <translation>無法開啟檔案：檔案大於 %1，超過編輯器可開啟的上限。請改為下載。</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>未儲存。%1</translation>
    </message>
    <message>
        <source>The file could not be opened. %1</source>
        <translation>無法開啟檔案。%1</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileModel</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改時間</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>權限</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileNameDialog</name>
    <message>
        <source>Type a name.</source>
        <translation>請輸入名稱。</translation>
    </message>
    <message>
        <source>&quot;.&quot; and &quot;..&quot; are not names.</source>
        <translation>「.」和「..」不能作為名稱。</translation>
    </message>
    <message>
        <source>A name cannot contain &quot;/&quot;.</source>
        <translation>名稱不能包含「/」。</translation>
    </message>
    <message>
        <source>A name cannot contain control characters.</source>
        <translation>名稱不能包含控制字元。</translation>
    </message>
    <message>
        <source>Type another name.</source>
        <translation>請輸入不同的名稱。</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新增資料夾</translation>
    </message>
    <message>
        <source>Name of the new folder in %1:</source>
        <translation>%1 中新資料夾的名稱：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重新命名</translation>
    </message>
    <message>
        <source>New name for &quot;%1&quot; in %2:</source>
        <translation>%2 中「%1」的新名稱：</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileTransferBar</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Preparing &quot;%1&quot; (checksum)...</source>
        <translation>正在準備「%1」（計算校驗碼）...</translation>
    </message>
    <message>
        <source>Uploading &quot;%1&quot;: %2</source>
        <translation>正在上傳「%1」：%2</translation>
    </message>
    <message>
        <source>Downloading &quot;%1&quot;: %2</source>
        <translation>正在下載「%1」：%2</translation>
    </message>
    <message>
        <source>Checking &quot;%1&quot; on the node...</source>
        <translation>正在節點上檢查「%1」...</translation>
    </message>
    <message>
        <source>Uploaded &quot;%1&quot; (%2).</source>
        <translation>已上傳「%1」（%2）。</translation>
    </message>
    <message>
        <source>Downloaded &quot;%1&quot; to %2.</source>
        <translation>已將「%1」下載至 %2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was interrupted at %2: %3</source>
        <translation>「%1」在 %2 時中斷：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed: %2</source>
        <translation>「%1」失敗：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was cancelled.</source>
        <translation>已取消「%1」。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileTransferTask</name>
    <message>
        <source>Upload of &quot;%1&quot; to %2</source>
        <translation>上傳「%1」到 %2</translation>
    </message>
    <message>
        <source>Download of &quot;%1&quot; from %2</source>
        <translation>從 %2 下載「%1」</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1／共 %2</translation>
    </message>
    <message>
        <source>Preparing (checksum)…</source>
        <translation>準備中（計算校驗碼）…</translation>
    </message>
    <message>
        <source>Checking the file on the node…</source>
        <translation>正在節點上檢查檔案…</translation>
    </message>
    <message>
        <source>Uploaded (%1).</source>
        <translation>已上傳（%1）。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已儲存到 %1。</translation>
    </message>
    <message>
        <source>Interrupted at %1: %2 (Resume in the node&apos;s Files tab.)</source>
        <translation>在 %1 中斷：%2（可在節點的「檔案」分頁繼續。）</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept.</source>
        <translation>已取消：未保留任何內容。</translation>
    </message>
    <message>
        <source>Stopped: its Files tab closed.</source>
        <translation>已停止：其「檔案」分頁已關閉。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFilesView</name>
    <message>
        <source>Created the folder &quot;%1&quot;.</source>
        <translation>已建立資料夾「%1」。</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; was not created: %2</source>
        <translation>未能建立資料夾「%1」：%2</translation>
    </message>
    <message>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>已將「%1」重新命名為「%2」。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not renamed: %2</source>
        <translation>未能重新命名「%1」：%2</translation>
    </message>
    <message>
        <source>Delete the folder &quot;%1&quot; and everything in it from %2? This cannot be undone.</source>
        <translation>要從 %2 刪除資料夾「%1」及其中所有內容嗎？此動作無法復原。</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from %2? This cannot be undone.</source>
        <translation>要從 %2 刪除「%1」嗎？此動作無法復原。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>已刪除「%1」。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not deleted: %2</source>
        <translation>未能刪除「%1」：%2</translation>
    </message>
    <message>
        <source>Download &quot;%1&quot;</source>
        <translation>下載「%1」</translation>
    </message>
    <message>
        <source>Upload a file to %1</source>
        <translation>上傳檔案至 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder here: rename or delete it first.</source>
        <translation>此處的「%1」是資料夾：請先重新命名或刪除它。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>取代</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already exists here. Replace it?</source>
        <translation>此處已有「%1」。要取代它嗎？</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>已儲存「%1」。</translation>
    </message>
    <message>
        <source>&amp;Root:</source>
        <translation>根目錄(&amp;R)：</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上一層</translation>
    </message>
    <message>
        <source>The folder that holds this one</source>
        <translation>包含此資料夾的上層資料夾</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>New folder...</source>
        <translation>新增資料夾...</translation>
    </message>
    <message>
        <source>Upload...</source>
        <translation>上傳...</translation>
    </message>
    <message>
        <source>Download...</source>
        <translation>下載...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>重新命名...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>刪除...</translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1（唯讀）</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯...</translation>
    </message>
    <message>
        <source>View...</source>
        <translation>檢視...</translation>
    </message>
    <message>
        <source>This root is read only on the node.</source>
        <translation>此根目錄在節點上為唯讀。</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未選取節點</translation>
    </message>
    <message>
        <source>Select a node to see its files.</source>
        <translation>選取節點以檢視其檔案。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>節點已離線</translation>
    </message>
    <message>
        <source>Its files are read through its agent: they show here when the agent connects again.</source>
        <translation>其檔案透過代理程式讀取：代理程式重新連線後會顯示於此。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow files</source>
        <translation>此節點的代理程式不允許檔案操作</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;files&quot;. Add it to the agent&apos;s capabilities on the machine (--allow files --files-root DIR) to browse its files here.</source>
        <translation>其設定未授予「files」。請在該機器上將它加入代理程式的功能（--allow files --files-root DIR），即可在此瀏覽其檔案。</translation>
    </message>
    <message>
        <source>This node&apos;s agent shares no folders</source>
        <translation>此節點的代理程式未分享任何資料夾</translation>
    </message>
    <message>
        <source>Name the folders it may reach with --files-root DIR (add :ro for read only) in the agent&apos;s configuration.</source>
        <translation>請在代理程式的設定中以 --files-root DIR 指定它可存取的資料夾（加上 :ro 表示唯讀）。</translation>
    </message>
    <message>
        <source>You may not see this node&apos;s files</source>
        <translation>您無權檢視此節點的檔案</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;files&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>管理員可在「使用者 → 節點授權」中，為您授予此節點或其標籤的「files」權限。</translation>
    </message>
    <message>
        <source>This folder could not be read</source>
        <translation>無法讀取此資料夾</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Reading the folder...</source>
        <translation>正在讀取資料夾...</translation>
    </message>
    <message>
        <source>This folder is empty</source>
        <translation>此資料夾是空的</translation>
    </message>
    <message>
        <source>It is read only: nothing can be added here.</source>
        <translation>此處為唯讀：無法新增任何內容。</translation>
    </message>
    <message>
        <source>Upload a file or create a folder to fill it.</source>
        <translation>上傳檔案或建立資料夾來填入內容。</translation>
    </message>
    <message>
        <source>%1 items (the agent lists at most 10,000)</source>
        <translation>%1 個項目（代理程式最多列出 10,000 個）</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 個項目</translation>
    </message>
    <message>
        <source>%1 · read only</source>
        <translation>%1 · 唯讀</translation>
    </message>
    <message>
        <source>This file is larger than %1, the most the editor opens. Download it instead.</source>
        <translation>此檔案大於 %1，超過編輯器可開啟的上限。請改為下載。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantDialog</name>
    <message>
        <source>Add node grant</source>
        <translation>新增節點授權</translation>
    </message>
    <message>
        <source>Let a user act on the nodes with a label through their agents. Administrators may do everything already; viewers never act. The node&apos;s agent must allow the capability too.</source>
        <translation>讓使用者透過代理程式在帶有某標籤的節點上操作。管理員本來就能做所有事；檢視者永遠不能操作。節點的代理程式也必須允許此功能。</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>對象(&amp;W)：</translation>
    </message>
    <message>
        <source>Every user with the USER role</source>
        <translation>所有具 USER 角色的使用者</translation>
    </message>
    <message>
        <source>&amp;Nodes:</source>
        <translation>節點(&amp;N)：</translation>
    </message>
    <message>
        <source>A node label, or * for every node.</source>
        <translation>節點標籤，或以 * 表示所有節點。</translation>
    </message>
    <message>
        <source>&amp;May use:</source>
        <translation>可使用(&amp;M)：</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授權</translation>
    </message>
    <message>
        <source>A label has no spaces.</source>
        <translation>標籤不能含有空格。</translation>
    </message>
    <message>
        <source>This grant exists already.</source>
        <translation>此授權已存在。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantModel</name>
    <message>
        <source>Terminal</source>
        <translation>終端機</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Nginx</source>
        <translation>Nginx</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>Agent upgrade</source>
        <translation>代理程式升級</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重新開機</translation>
    </message>
    <message>
        <source>Every user with the USER role</source>
        <translation>所有具 USER 角色的使用者</translation>
    </message>
    <message>
        <source>Every node</source>
        <translation>所有節點</translation>
    </message>
    <message>
        <source>Nodes labelled &quot;%1&quot;</source>
        <translation>標籤為「%1」的節點</translation>
    </message>
    <message>
        <source>User id %1</source>
        <translation>使用者 ID %1</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>對象</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>May use</source>
        <translation>可使用</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>授權時間</translation>
    </message>
    <message>
        <source>Granting Nginx is granting root on those nodes: whoever may edit nginx&apos;s configuration can make nginx, which runs as root, read or write any file.</source>
        <translation>授予 Nginx 等同授予這些節點的系統最高權限：能編輯 nginx 設定的人，可讓以最高權限執行的 nginx 讀取或寫入任何檔案。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantsPanel</name>
    <message>
        <source>%1 may now use %2 on %3.</source>
        <translation>%1 現在可以在%3上使用%2。</translation>
    </message>
    <message>
        <source>Remove node grant</source>
        <translation>移除節點授權</translation>
    </message>
    <message>
        <source>Remove the grant of %1 on %2 for %3? They can no longer use it from now on.</source>
        <translation>要移除 %1 在%2上的%3授權嗎？從現在起將無法再使用。</translation>
    </message>
    <message>
        <source>The grant was not removed: %1</source>
        <translation>授權未移除：%1</translation>
    </message>
    <message>
        <source>Administrators may use every tool on every node; users only what they are granted here, and only what the node&apos;s agent allows. Viewers never act on nodes.</source>
        <translation>管理員可在所有節點上使用所有工具；使用者只能使用此處授予的工具，且僅限節點代理程式允許的部分。檢視者永遠不能操作節點。</translation>
    </message>
    <message>
        <source>Add grant...</source>
        <translation>新增授權...</translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation>移除...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Let a user use a tool on nodes with a label.</source>
        <translation>讓使用者在帶有某標籤的節點上使用工具。</translation>
    </message>
    <message>
        <source>Remove the selected grant.</source>
        <translation>移除選取的授權。</translation>
    </message>
    <message>
        <source>Select a grant first.</source>
        <translation>請先選取授權。</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>目前沒有人登入。</translation>
    </message>
    <message>
        <source>The grants could not be read: %1</source>
        <translation>無法讀取授權：%1</translation>
    </message>
    <message>
        <source>Loading node grants...</source>
        <translation>正在載入節點授權...</translation>
    </message>
    <message>
        <source>No grants yet: users cannot act on any node. Add one to let a user, or every USER, use a tool on the nodes with a label.</source>
        <translation>尚無授權：使用者無法操作任何節點。新增一項授權，讓某位使用者或所有 USER 在帶有某標籤的節點上使用工具。</translation>
    </message>
    <message>
        <source>Grants: %1</source>
        <translation>授權：%1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeListDelegate</name>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeListModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>代理程式版本</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最後上線</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>CPU use, the last 15 minutes</source>
        <translation>處理器使用率，最近 15 分鐘</translation>
    </message>
    <message numerus="yes">
        <source>CPU use, the last 15 minutes: %n core(s)</source>
        <translation>
            <numerusform>處理器使用率，最近 15 分鐘：%n 個核心</numerusform>
        </translation>
    </message>
    <message>
        <source>Memory use, the last 15 minutes: of %1</source>
        <translation>記憶體使用率，最近 15 分鐘：共 %1</translation>
    </message>
    <message>
        <source>Memory use, the last 15 minutes</source>
        <translation>記憶體使用率，最近 15 分鐘</translation>
    </message>
    <message>
        <source>Root file system use, the last 15 minutes: of %1</source>
        <translation>根檔案系統使用率，最近 15 分鐘：共 %1</translation>
    </message>
    <message>
        <source>Root file system use, the last 15 minutes</source>
        <translation>根檔案系統使用率，最近 15 分鐘</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>作業系統</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>處理器</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁碟</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeMetricsView</name>
    <message>
        <source>&amp;Range:</source>
        <translation>範圍(&amp;R)：</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分鐘</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小時</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小時</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小時</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>最近 1 年</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>處理器</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交換空間</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁碟</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 分鐘</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分鐘</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分鐘</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>讀取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>寫入</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>處理器 (%)</translation>
    </message>
    <message>
        <source>Memory and swap used (%)</source>
        <translation>記憶體與交換空間使用率 (%)</translation>
    </message>
    <message>
        <source>Disk used (%)</source>
        <translation>磁碟使用率 (%)</translation>
    </message>
    <message>
        <source>Load average</source>
        <translation>平均負載</translation>
    </message>
    <message>
        <source>Network (%1)</source>
        <translation>網路 (%1)</translation>
    </message>
    <message>
        <source>Disk reads and writes (%1)</source>
        <translation>磁碟讀寫 (%1)</translation>
    </message>
    <message>
        <source>Select a node to see its history.</source>
        <translation>選取節點以檢視其歷史資料。</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>無法讀取歷史資料：%1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>正在讀取歷史資料…</translation>
    </message>
    <message>
        <source>No reports in this range yet.</source>
        <translation>此範圍內尚無回報。</translation>
    </message>
    <message>
        <source>1-minute averages, shaded from lowest to highest · updated %1</source>
        <translation>1 分鐘平均值，陰影為最低至最高值 · 更新於 %1</translation>
    </message>
    <message>
        <source>15-minute averages, shaded from lowest to highest · updated %1</source>
        <translation>15 分鐘平均值，陰影為最低至最高值 · 更新於 %1</translation>
    </message>
    <message>
        <source>Hourly averages, shaded from lowest to highest · updated %1</source>
        <translation>每小時平均值，陰影為最低至最高值 · 更新於 %1</translation>
    </message>
    <message>
        <source>Every report as the agent sent it · updated %1</source>
        <translation>代理程式傳送的每筆回報 · 更新於 %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeNginxView</name>
    <message>
        <source>nginx started.</source>
        <translation>nginx 已啟動。</translation>
    </message>
    <message>
        <source>nginx stopped.</source>
        <translation>nginx 已停止。</translation>
    </message>
    <message>
        <source>nginx restarted.</source>
        <translation>nginx 已重新啟動。</translation>
    </message>
    <message>
        <source>nginx reloaded its configuration.</source>
        <translation>nginx 已重新載入設定。</translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation>刪除站台</translation>
    </message>
    <message>
        <source>Delete the site &quot;%1&quot; from %2? Its file in sites-available and its link in sites-enabled are removed and nginx reloads.</source>
        <translation>要從 %2 刪除站台「%1」嗎？sites-available 中的檔案與 sites-enabled 中的連結都會移除，nginx 會重新載入。</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; deleted.</source>
        <translation>站台「%1」已刪除。</translation>
    </message>
    <message>
        <source>nginx refused this configuration; nothing was changed on the node.</source>
        <translation>nginx 拒絕了此設定；節點上沒有任何變更。</translation>
    </message>
    <message>
        <source>The main configuration</source>
        <translation>主設定檔</translation>
    </message>
    <message>
        <source>%1 saved; nginx -t accepted it.</source>
        <translation>%1 已儲存；nginx -t 檢查通過。</translation>
    </message>
    <message>
        <source>A self-signed certificate for %1 was created: %2</source>
        <translation>已為 %1 建立自簽憑證：%2</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; enabled; nginx reloaded.</source>
        <translation>站台「%1」已啟用；nginx 已重新載入。</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; disabled; nginx reloaded.</source>
        <translation>站台「%1」已停用；nginx 已重新載入。</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未選取節點</translation>
    </message>
    <message>
        <source>Reading nginx&apos;s state…</source>
        <translation>正在讀取 nginx 狀態…</translation>
    </message>
    <message>
        <source>Running (pid %1)</source>
        <translation>執行中（行程 %1）</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>nginx %1</source>
        <translation>nginx %1</translation>
    </message>
    <message>
        <source>configuration test passed</source>
        <translation>設定檢查通過</translation>
    </message>
    <message>
        <source>configuration test fails</source>
        <translation>設定檢查失敗</translation>
    </message>
    <message>
        <source>Select a site with a server name to see its certificate.</source>
        <translation>選取具有伺服器名稱的站台以查看其憑證。</translation>
    </message>
    <message>
        <source>No site names a certificate for %1.</source>
        <translation>沒有站台為 %1 指定憑證。</translation>
    </message>
    <message>
        <source>Reading the certificate for %1…</source>
        <translation>正在讀取 %1 的憑證…</translation>
    </message>
    <message>
        <source>%1: issued to %2 by %3</source>
        <translation>%1：由 %3 簽發給 %2</translation>
    </message>
    <message>
        <source>Valid %1 to %2</source>
        <translation>有效期間 %1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n day(s) ago</source>
        <translation>
            <numerusform>已過期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩餘 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>自簽</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>名稱：%1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>啟動</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新載入</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新啟動</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站台</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Server names</source>
        <translation>伺服器名稱</translation>
    </message>
    <message>
        <source>Listens on</source>
        <translation>監聽位址</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>新增站台</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Main configuration</source>
        <translation>主設定檔</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 憑證</translation>
    </message>
    <message>
        <source>Generate self-signed</source>
        <translation>產生自簽憑證</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>站台名稱：</translation>
    </message>
    <message>
        <source>Save and test</source>
        <translation>儲存並檢查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a site to edit, or New site</source>
        <translation>選擇要編輯的站台，或新增站台</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot;</source>
        <translation>站台「%1」</translation>
    </message>
    <message>
        <source>Stop nginx</source>
        <translation>停止 nginx</translation>
    </message>
    <message>
        <source>Stop nginx on %1? Every site it serves goes down until nginx is started again.</source>
        <translation>要停止 %1 上的 nginx 嗎？在 nginx 重新啟動之前，它提供的每個網站都會中斷。</translation>
    </message>
    <message>
        <source>Select a node to see its nginx.</source>
        <translation>選取節點以檢視其 nginx。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>節點離線</translation>
    </message>
    <message>
        <source>Its nginx is read from its agent: it shows here when the agent connects again.</source>
        <translation>nginx 資訊由其代理程式讀取：代理程式重新連線後會顯示在此。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Select a site with a server name to make a certificate for it.</source>
        <translation>選取具有伺服器名稱的站台，才能為它產生憑證。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProbeModel</name>
    <message>
        <source>This host refuses unprivileged ICMP echo, so the agent checked a TCP connection instead.</source>
        <translation>此主機不允許非特權的 ICMP 回應請求，因此代理程式改以 TCP 連線檢查。</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>尚無結果</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1（HTTP 狀態碼 %2）</translation>
    </message>
    <message>
        <source>%1, via TCP</source>
        <translation>%1，經由 TCP</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩餘 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探測</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>最近結果</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延遲</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>TLS 憑證</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>檢查時間</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProbesView</name>
    <message>
        <source>No node selected</source>
        <translation>未選取節點</translation>
    </message>
    <message>
        <source>Select a node to see the probes it runs.</source>
        <translation>選取一個節點，即可查看它執行的探測。</translation>
    </message>
    <message>
        <source>The probes could not be read</source>
        <translation>無法讀取探測</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Reading the probes…</source>
        <translation>正在讀取探測…</translation>
    </message>
    <message>
        <source>No probe runs on this node</source>
        <translation>此節點沒有執行任何探測</translation>
    </message>
    <message>
        <source>Probes for all nodes, for this node or for one of its labels run here. Define them under Alerts → Probes.</source>
        <translation>適用於所有節點、此節點或其任一標籤的探測會在這裡執行。請在「告警 → 探測」中定義。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not run probes</source>
        <translation>此節點的代理程式不執行探測</translation>
    </message>
    <message numerus="yes">
        <source>Its configuration does not grant &quot;probes&quot;, so the %n probe(s) defined for it do not run. Add probes to the agent&apos;s capabilities on the machine to run them.</source>
        <translation>
            <numerusform>其設定未授予 &quot;probes&quot; 功能，因此為它定義的 %n 個探測不會執行。請在該機器上將 &quot;probes&quot; 加入代理程式的功能，即可執行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Probes for all nodes, for this node or for one of its labels run here and check that a web page, a port or a host answers.</source>
        <translation>適用於所有節點、此節點或其某個標籤的探測會在這裡執行，檢查網頁、連接埠或主機是否回應。</translation>
    </message>
    <message>
        <source>New probe...</source>
        <translation>新增探測…</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProcessModel</name>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Sleeping</source>
        <translation>睡眠中</translation>
    </message>
    <message>
        <source>Waiting for I/O</source>
        <translation>等待 I/O</translation>
    </message>
    <message>
        <source>Zombie</source>
        <translation>殭屍</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Traced</source>
        <translation>追蹤中</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>閒置</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已終止</translation>
    </message>
    <message>
        <source>Resident %1, virtual %2</source>
        <translation>常駐 %1，虛擬 %2</translation>
    </message>
    <message>
        <source>%1 (%2), threads: %3</source>
        <translation>%1（%2），執行緒：%3</translation>
    </message>
    <message>
        <source>Process %1, parent %2</source>
        <translation>行程 %1，父行程 %2</translation>
    </message>
    <message>
        <source>The list cannot be sorted by this column.</source>
        <translation>清單無法依此欄排序。</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>啟動時間</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProcessesView</name>
    <message>
        <source>Kill...</source>
        <translation>終止...</translation>
    </message>
    <message>
        <source>Sent SIG%1 to &quot;%2&quot; (pid %3).</source>
        <translation>已向「%2」（pid %3）傳送 SIG%1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (pid %2) was not signalled: %3</source>
        <translation>未能向「%1」（pid %2）傳送訊號：%3</translation>
    </message>
    <message>
        <source>Search pid, name, command line or user</source>
        <translation>搜尋 pid、名稱、指令列或使用者</translation>
    </message>
    <message>
        <source>Send a signal to the selected process; you choose which and confirm.</source>
        <translation>向選取的行程傳送訊號；由您選擇訊號並確認。</translation>
    </message>
    <message>
        <source>Select a process first.</source>
        <translation>請先選取行程。</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未選取節點</translation>
    </message>
    <message>
        <source>Select a node to see its processes.</source>
        <translation>選取節點以檢視其行程。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>節點已離線</translation>
    </message>
    <message>
        <source>Its processes are read from its agent: they show here when the agent connects again.</source>
        <translation>行程資訊由其代理程式提供：代理程式重新連線後會顯示在這裡。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow processes</source>
        <translation>此節點的代理程式不允許行程管理</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;processes&quot;. Add it to the agent&apos;s capabilities on the machine (--allow processes) to see and signal its processes here.</source>
        <translation>其設定未授予「processes」。請在該機器上將它加入代理程式的功能（--allow processes），即可在此檢視行程並傳送訊號。</translation>
    </message>
    <message>
        <source>You may not see this node&apos;s processes</source>
        <translation>您無權檢視此節點的行程</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;processes&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>管理員可在「使用者 → 節點授權」中，為您授予此節點或其某個標籤的「processes」。</translation>
    </message>
    <message>
        <source>The processes could not be read</source>
        <translation>無法讀取行程</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Reading the processes...</source>
        <translation>正在讀取行程...</translation>
    </message>
    <message>
        <source>No process matches</source>
        <translation>沒有符合的行程</translation>
    </message>
    <message>
        <source>No process has &quot;%1&quot; in its pid, name, command line or user.</source>
        <translation>沒有行程的 pid、名稱、指令列或使用者包含「%1」。</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜尋</translation>
    </message>
    <message>
        <source>No processes</source>
        <translation>沒有行程</translation>
    </message>
    <message>
        <source>The agent listed none.</source>
        <translation>代理程式未列出任何行程。</translation>
    </message>
    <message>
        <source>%1 of %2 processes (list cut by the agent: search to narrow it)</source>
        <translation>%2 個行程中的 %1 個（清單已由代理程式截斷：請用搜尋縮小範圍）</translation>
    </message>
    <message>
        <source>%1 of %2 processes</source>
        <translation>%2 個行程中的 %1 個</translation>
    </message>
    <message>
        <source>The list could not be refreshed: %1</source>
        <translation>無法重新整理清單：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeScopePicker</name>
    <message>
        <source>All nodes</source>
        <translation>所有節點</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>單一節點</translation>
    </message>
    <message>
        <source>Nodes with the label</source>
        <translation>具有此標籤的節點</translation>
    </message>
    <message>
        <source>Label, e.g. production</source>
        <translation>標籤，例如 &quot;production&quot;</translation>
    </message>
    <message>
        <source>No node enrolled yet</source>
        <translation>尚未註冊任何節點</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeTerminalView</name>
    <message>
        <source>The node is offline: open a terminal when its agent connects again.</source>
        <translation>節點已離線：請在其代理程式重新連線後再開啟終端機。</translation>
    </message>
    <message>
        <source>[process killed by signal %1]</source>
        <translation>[行程被訊號 %1 終止]</translation>
    </message>
    <message>
        <source>[process exited with code %1]</source>
        <translation>[行程已結束，結束代碼 %1]</translation>
    </message>
    <message>
        <source>[session closed: idle for too long]</source>
        <translation>[工作階段已關閉：閒置過久]</translation>
    </message>
    <message>
        <source>[session closed: the node&apos;s agent disconnected]</source>
        <translation>[工作階段已關閉：節點的代理程式已中斷連線]</translation>
    </message>
    <message>
        <source>[session closed: the server is stopping]</source>
        <translation>[工作階段已關閉：伺服器正在停止]</translation>
    </message>
    <message>
        <source>[session closed]</source>
        <translation>[工作階段已關閉]</translation>
    </message>
    <message>
        <source>[connection lost]</source>
        <translation>[連線中斷]</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Too many terminals are open (at most 4 of yours, 8 on one node): close one first.</source>
        <translation>開啟的終端機過多（您最多 4 個，單一節點最多 8 個）：請先關閉一個。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow terminals: start it with --allow terminal.</source>
        <translation>此節點的代理程式不允許終端機：請以 --allow terminal 啟動它。</translation>
    </message>
    <message>
        <source>The terminal was not opened: %1</source>
        <translation>終端機未開啟：%1</translation>
    </message>
    <message>
        <source>The terminal could not be opened: %1</source>
        <translation>無法開啟終端機：%1</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未選取節點</translation>
    </message>
    <message>
        <source>Select a node to open a terminal on it.</source>
        <translation>選取節點以在其上開啟終端機。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>節點已離線</translation>
    </message>
    <message>
        <source>A terminal runs through the node&apos;s agent: open one when the agent connects again.</source>
        <translation>終端機透過節點的代理程式執行：請在代理程式重新連線後再開啟。</translation>
    </message>
    <message>
        <source>No terminal on this node</source>
        <translation>此節點無法使用終端機</translation>
    </message>
    <message>
        <source>Its agent must allow terminals (--allow terminal) and you need the &quot;terminal&quot; grant on it; administrators have it.</source>
        <translation>其代理程式必須允許終端機（--allow terminal），且您需要此節點的「terminal」授權；管理員已具備。</translation>
    </message>
    <message>
        <source>The terminal could not be reattached: %1</source>
        <translation>無法重新連接終端機：%1</translation>
    </message>
    <message>
        <source>[session closed: your access to this node&apos;s terminal was revoked]</source>
        <translation>[工作階段已關閉：您對此節點終端機的存取權已被撤銷]</translation>
    </message>
    <message>
        <source>The terminal&apos;s connection ended: %1. Its shell may still run on the node: reattach it from Sessions.</source>
        <translation>終端機連線已結束：%1。其 shell 可能仍在節點上執行：請從「工作階段」重新連接。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodesPage</name>
    <message>
        <source>No nodes yet</source>
        <translation>尚無節點</translation>
    </message>
    <message>
        <source>More nodes could not be read: %1</source>
        <translation>無法讀取更多節點：%1</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Machines that run the HiveMind agent: their status, what they report and how to enrol more.</source>
        <translation>執行 HiveMind 代理程式的機器：其狀態、回報的資訊，以及如何註冊更多機器。</translation>
    </message>
    <message>
        <source>Search name, description or address</source>
        <translation>搜尋名稱、說明或位址</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Only nodes with exactly this label.</source>
        <translation>只顯示具有此標籤的節點（完全相符）。</translation>
    </message>
    <message>
        <source>Enrol node...</source>
        <translation>註冊節點…</translation>
    </message>
    <message>
        <source>New enrolment secret...</source>
        <translation>新的註冊密鑰…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a node first.</source>
        <translation>請先選取節點。</translation>
    </message>
    <message>
        <source>Create a node and the command that enrols its agent.</source>
        <translation>建立節點及註冊其代理程式的命令。</translation>
    </message>
    <message>
        <source>A new one-time secret; the node&apos;s current agent key is revoked.</source>
        <translation>建立新的一次性密鑰；節點目前的代理程式金鑰會被撤銷。</translation>
    </message>
    <message>
        <source>Delete the node and its history; its agent is disconnected.</source>
        <translation>刪除節點及其歷史記錄；其代理程式會被中斷連線。</translation>
    </message>
    <message>
        <source>Sign in to see the nodes.</source>
        <translation>請登入以查看節點。</translation>
    </message>
    <message>
        <source>Loading nodes...</source>
        <translation>正在載入節點…</translation>
    </message>
    <message>
        <source>The nodes could not be read</source>
        <translation>無法讀取節點</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No node matches</source>
        <translation>沒有相符的節點</translation>
    </message>
    <message>
        <source>No node has &quot;%1&quot; in its name, description or address.</source>
        <translation>沒有名稱、說明或位址包含「%1」的節點。</translation>
    </message>
    <message>
        <source>No node with the label &quot;%1&quot; matches.</source>
        <translation>沒有帶有標籤「%1」的相符節點。</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除篩選條件</translation>
    </message>
    <message>
        <source>A node is a machine that runs the HiveMind agent and reports its status and metrics here. Enrol one: the console shows a command to run on the machine.</source>
        <translation>節點是執行 HiveMind 代理程式的機器，會在此回報其狀態與指標。註冊一個節點：主控台會顯示要在該機器上執行的命令。</translation>
    </message>
    <message>
        <source>Enrol a node</source>
        <translation>註冊節點</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) shown</source>
        <translation>
            <numerusform>已顯示 %1 個，共 %n 個節點</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete node</source>
        <translation>刪除節點</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its reported history goes with it and its agent is disconnected at once; the agent cannot sign in again. This cannot be undone.</source>
        <translation>要刪除「%1」嗎？其回報的歷史記錄會一併刪除，代理程式會立即中斷連線且無法再登入。此操作無法復原。</translation>
    </message>
    <message>
        <source>The node was not deleted: %1</source>
        <translation>節點未刪除：%1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Rename the node or change its labels and description.</source>
        <translation>重新命名節點，或變更其標籤與說明。</translation>
    </message>
    <message>
        <source>Public status...</source>
        <translation>公開狀態…</translation>
    </message>
    <message>
        <source>Choose the nodes a public page shows to anyone who can reach the server, without signing in.</source>
        <translation>選擇公開頁面要顯示的節點：任何能連線到伺服器的人無須登入即可查看。</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>探測</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>終端機</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Nginx</source>
        <translation>Nginx</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理程式</translation>
    </message>
    <message>
        <source>Agent releases...</source>
        <translation>代理程式版本…</translation>
    </message>
    <message>
        <source>The agent builds this server offers, and upgrades of many nodes&apos; agents in stages.</source>
        <translation>此伺服器提供的代理程式組建，以及分階段升級多個節點的代理程式。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::NumberField</name>
    <message>
        <source>From %1 to %2.</source>
        <translation>%1 到 %2。</translation>
    </message>
    <message>
        <source>At least %1.</source>
        <translation>至少 %1。</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>最多 %1。</translation>
    </message>
    <message>
        <source>A whole number.</source>
        <translation>整數。</translation>
    </message>
    <message>
        <source>A whole number. %1</source>
        <translation>整數。%1</translation>
    </message>
</context>
<context>
    <name>hm::app::ObjectField</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>hm::app::OpenAlertsCard</name>
    <message>
        <source>Open alerts</source>
        <translation>未解決的告警</translation>
    </message>
    <message>
        <source>Show all alerts</source>
        <translation>查看所有告警</translation>
    </message>
    <message>
        <source>Open the Alerts section: every alert, the rules and channels.</source>
        <translation>開啟「告警」區：所有告警、規則與通知管道。</translation>
    </message>
    <message>
        <source>Sign in to see what is firing.</source>
        <translation>登入後即可查看正在觸發的告警。</translation>
    </message>
    <message>
        <source>The alerts could not be read: %1</source>
        <translation>無法讀取告警：%1</translation>
    </message>
    <message>
        <source>Reading the alerts…</source>
        <translation>正在讀取告警…</translation>
    </message>
    <message>
        <source>Nothing is firing. Good.</source>
        <translation>目前沒有觸發中的告警，一切正常。</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing. Click one to see it in the Alerts section.</source>
        <translation>
            <numerusform>%n 個告警觸發中。點選其中一個即可在「告警」區查看。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::PasswordResetDialog</name>
    <message>
        <source>Enter the e-mail address of your account.</source>
        <translation>請輸入您帳號的電子郵件地址。</translation>
    </message>
    <message>
        <source>Enter the code from the e-mail.</source>
        <translation>請輸入電子郵件中的代碼。</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>請輸入新密碼。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password twice.</source>
        <translation>兩次輸入的新密碼不同，請輸入相同的密碼兩次。</translation>
    </message>
    <message>
        <source>The code is wrong or was used before. Each code works once; ask for a new e-mail if needed.</source>
        <translation>代碼錯誤或已使用過。每個代碼只能使用一次；如有需要，請重新要求寄送電子郵件。</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new e-mail.</source>
        <translation>代碼已過期，請重新要求寄送電子郵件。</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the new password: %1</source>
        <translation>伺服器的密碼原則拒絕了新密碼：%1</translation>
    </message>
    <message>
        <source>This server does not send e-mail. Ask an administrator to reset your password.</source>
        <translation>此伺服器不寄送電子郵件。請洽管理員重設您的密碼。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>嘗試次數過多，請稍候一分鐘再試。</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>要求失敗：%1</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>重設密碼</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>電子郵件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Code from the e-mail:</source>
        <translation>電子郵件中的代碼(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密碼(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再輸入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>依伺服器的密碼原則檢查</translation>
    </message>
    <message>
        <source>Enter the e-mail address of your account. If it belongs to an account, the server mails a code that sets a new password.</source>
        <translation>請輸入您帳號的電子郵件地址。若該地址屬於某個帳號，伺服器會寄出可設定新密碼的代碼。</translation>
    </message>
    <message>
        <source>If the address belongs to an account, an e-mail with a code is on its way. The code works once, for one hour.</source>
        <translation>若該地址屬於某個帳號，含代碼的電子郵件已在寄送途中。此代碼只能使用一次，一小時內有效。</translation>
    </message>
    <message>
        <source>Enter the code from the e-mail and choose a new password.</source>
        <translation>請輸入電子郵件中的代碼並選擇新密碼。</translation>
    </message>
    <message>
        <source>I &amp;Have a Code</source>
        <translation>我已有代碼(&amp;H)</translation>
    </message>
    <message>
        <source>Set &amp;Password</source>
        <translation>設定密碼(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Send E-mail</source>
        <translation>寄送電子郵件(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>hm::app::ProbeDialog</name>
    <message>
        <source>Edit probe</source>
        <translation>編輯探測</translation>
    </message>
    <message>
        <source>New probe</source>
        <translation>新增探測</translation>
    </message>
    <message>
        <source>The agents of the nodes a probe covers check the target every interval and report whether it answered, how fast and, for HTTPS, how long its certificate is valid.</source>
        <translation>探測涵蓋的節點上的代理程式會在每個間隔檢查目標，並回報目標是否回應、回應速度，以及 HTTPS 的 TLS 憑證剩餘有效期。</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>識別碼(&amp;I)：</translation>
    </message>
    <message>
        <source>e.g. website (a-z, 0-9, _ and -)</source>
        <translation>例如 &quot;website&quot;（a-z、0-9、_ 與 -）</translation>
    </message>
    <message>
        <source>The id names the probe&apos;s metrics and never changes.</source>
        <translation>識別碼用於命名探測的指標，且永不變更。</translation>
    </message>
    <message>
        <source>Names the probe&apos;s metrics (probe.&lt;id&gt;.up); it never changes.</source>
        <translation>用於命名探測的指標（probe.&lt;id&gt;.up），且永不變更。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>類型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目標(&amp;T)：</translation>
    </message>
    <message>
        <source>Optional: text the answer must contain</source>
        <translation>選填：回應必須包含的文字</translation>
    </message>
    <message>
        <source>E&amp;xpected status:</source>
        <translation>預期狀態碼(&amp;X)：</translation>
    </message>
    <message>
        <source>Any 2xx or 3xx</source>
        <translation>任何 2xx 或 3xx</translation>
    </message>
    <message>
        <source>&amp;Verify the TLS certificate</source>
        <translation>驗證 TLS 憑證(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>間隔(&amp;E)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>At most 60 seconds, and shorter than the interval.</source>
        <translation>最多 60 秒，且須短於間隔。</translation>
    </message>
    <message>
        <source>&amp;Runs on:</source>
        <translation>執行於(&amp;R)：</translation>
    </message>
    <message>
        <source>A disabled probe is kept but not run.</source>
        <translation>停用的探測會保留，但不會執行。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A probe needs an id.</source>
        <translation>探測需要識別碼。</translation>
    </message>
    <message>
        <source>A probe needs a name.</source>
        <translation>探測需要名稱。</translation>
    </message>
    <message>
        <source>A probe needs a target.</source>
        <translation>探測需要目標。</translation>
    </message>
    <message>
        <source>Pick the node the probe runs on.</source>
        <translation>請選擇執行探測的節點。</translation>
    </message>
    <message>
        <source>Key&amp;word:</source>
        <translation>關鍵字(&amp;W)：</translation>
    </message>
    <message>
        <source>Ti&amp;meout:</source>
        <translation>逾時(&amp;M)：</translation>
    </message>
    <message>
        <source>Ena&amp;bled</source>
        <translation>啟用(&amp;B)</translation>
    </message>
</context>
<context>
    <name>hm::app::ProbeModel</name>
    <message>
        <source>Id: %1 (its metrics: probe.%1.*)</source>
        <translation>識別碼：%1（其指標：probe.%1.*）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>間隔</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>執行於</translation>
    </message>
</context>
<context>
    <name>hm::app::ProbesTab</name>
    <message>
        <source>Loading probes...</source>
        <translation>正在載入探測…</translation>
    </message>
    <message>
        <source>New probe...</source>
        <translation>新增探測…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a probe first.</source>
        <translation>請先選取探測。</translation>
    </message>
    <message>
        <source>An HTTP(S) URL, a TCP port or a host to ping that the agents check.</source>
        <translation>由代理程式檢查的 HTTP(S) 網址、TCP 連接埠或要 Ping 的主機。</translation>
    </message>
    <message>
        <source>Change what the probe checks, how often and where.</source>
        <translation>變更探測檢查的目標、頻率與執行位置。</translation>
    </message>
    <message>
        <source>Delete the probe; the agents stop running it.</source>
        <translation>刪除探測；代理程式將停止執行。</translation>
    </message>
    <message>
        <source>The probes could not be read</source>
        <translation>無法讀取探測</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No probes yet</source>
        <translation>尚無探測</translation>
    </message>
    <message>
        <source>A probe has the agents check a website, a TCP port or a host besides their own machine: whether it answers, how fast and how long its certificate is valid. Alert rules of the types Probe down and Certificate watch the results.</source>
        <translation>探測讓代理程式在自身機器之外檢查網站、TCP 連接埠或主機：是否回應、回應速度，以及 TLS 憑證還有多久有效。「探測失敗」與「TLS 憑證到期」類型的告警規則會監看這些結果。</translation>
    </message>
    <message>
        <source>New probe</source>
        <translation>新增探測</translation>
    </message>
    <message>
        <source>Delete probe</source>
        <translation>刪除探測</translation>
    </message>
    <message>
        <source>Delete the probe &quot;%1&quot;? The agents stop running it; alert rules on it no longer fire.</source>
        <translation>要刪除探測「%1」嗎？代理程式將停止執行，針對它的告警規則也不再觸發。</translation>
    </message>
    <message>
        <source>The probe was not deleted: %1</source>
        <translation>探測未刪除：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s)</source>
        <translation>
            <numerusform>%n 個探測</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::ProblemText</name>
    <message>
        <source>The flow definition is malformed at %1.</source>
        <translation>流程定義在 %1 處格式錯誤。</translation>
    </message>
    <message>
        <source>The flow definition uses schema version %1, which this server cannot read.</source>
        <translation>流程定義使用結構描述版本 %1，此伺服器無法讀取。</translation>
    </message>
    <message>
        <source>The node id “%1” is used more than once.</source>
        <translation>節點 ID「%1」重複使用。</translation>
    </message>
    <message>
        <source>The connection id “%1” is used more than once.</source>
        <translation>連線 ID「%1」重複使用。</translation>
    </message>
    <message>
        <source>Connection “%1” leads to “%2”, which is not a node of this flow.</source>
        <translation>連線「%1」連到「%2」，但它不是此流程的節點。</translation>
    </message>
    <message>
        <source>Connection “%1” leaves node “%2” from “%3”, which its component does not have.</source>
        <translation>連線「%1」從節點「%2」的「%3」連出，但其元件沒有此輸出。</translation>
    </message>
    <message>
        <source>Connection “%1” enters node “%2” at “%3”, which is not one of its inputs.</source>
        <translation>連線「%1」連入節點「%2」的「%3」，但那不是它的輸入。</translation>
    </message>
    <message>
        <source>The flow has a cycle: %1.</source>
        <translation>流程中有循環：%1。</translation>
    </message>
    <message>
        <source>Node “%1” uses the component %2, which the server does not know.</source>
        <translation>節點「%1」使用元件 %2，但伺服器不認得它。</translation>
    </message>
    <message>
        <source>Node “%1” uses version %3 of %2, which does not exist (known versions: %4).</source>
        <translation>節點「%1」使用 %2 的 %3 版，但該版本不存在（已知版本：%4）。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” is required: map it to a value.</source>
        <translation>節點「%1」的輸入「%2」為必填：請為它設定對應。</translation>
    </message>
    <message>
        <source>Node “%1” maps “%2”, which is not an input of its component.</source>
        <translation>節點「%1」對應了「%2」，但它不是其元件的輸入。</translation>
    </message>
    <message>
        <source>The mapping of input “%2” of node “%1” cannot be read.</source>
        <translation>無法解讀節點「%1」輸入「%2」的對應。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads from “%3”, which is not a node of this flow.</source>
        <translation>節點「%1」的輸入「%2」讀取「%3」，但它不是此流程的節點。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads from node “%3”, which does not run before it: connect “%3” upstream of “%1”.</source>
        <translation>節點「%1」的輸入「%2」讀取節點「%3」，但「%3」不會在它之前執行：請將「%3」連接到「%1」的上游。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads output “%4” of node “%3”, which its component does not have.</source>
        <translation>節點「%1」的輸入「%2」讀取節點「%3」的輸出「%4」，但其元件沒有此輸出。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” takes %3, but its mapping gives %4.</source>
        <translation>節點「%1」的輸入「%2」需要%3，但其對應提供的是%4。</translation>
    </message>
    <message>
        <source>The configuration of node “%1” needs a value for %2.</source>
        <translation>節點「%1」的組態需要 %2 的值。</translation>
    </message>
    <message>
        <source>The configuration of node “%1” is not valid at %2.</source>
        <translation>節點「%1」的組態在 %2 處無效。</translation>
    </message>
    <message>
        <source>The configuration of node “%1” is not valid at %2: %3</source>
        <translation>節點「%1」的組態在 %2 處無效：%3</translation>
    </message>
    <message>
        <source>The configuration schema of component %1 cannot be used.</source>
        <translation>無法使用元件 %1 的組態結構描述。</translation>
    </message>
    <message>
        <source>The flow setting %1 is not valid.</source>
        <translation>流程設定 %1 無效。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>編輯器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>The configuration of node “%1” cannot be used: %2</source>
        <translation>節點「%1」的組態無法使用：%2</translation>
    </message>
    <message>
        <source>The expression “%3” at %2 in the configuration of node “%1” cannot run: write a value, or read the node&apos;s inputs with “$.inputs…”.</source>
        <translation>節點「%1」組態中 %2 的運算式「%3」無法執行：請填入一個值，或以「$.inputs…」讀取節點的輸入。</translation>
    </message>
</context>
<context>
    <name>hm::app::ProblemsModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>來源</translation>
    </message>
</context>
<context>
    <name>hm::app::ProblemsPanel</name>
    <message>
        <source>Problems (%1)</source>
        <translation>問題（%1）</translation>
    </message>
    <message>
        <source>No problems found. The editor checks the flow as you edit it.</source>
        <translation>未發現問題。編輯器會在您編輯時檢查流程。</translation>
    </message>
</context>
<context>
    <name>hm::app::PublicStatusDialog</name>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>顯示名稱</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A field the server refused and its rule: &quot;Title: at most 100 characters...&quot;</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Public status</source>
        <translation>公開狀態</translation>
    </message>
    <message>
        <source>A read-only page of chosen nodes for people without an account: their status, usage and availability.</source>
        <translation>為沒有帳號的人提供的唯讀頁面，顯示所選節點的狀態、使用率與可用性。</translation>
    </message>
    <message>
        <source>&amp;Public status page on</source>
        <translation>啟用公開狀態頁(&amp;P)</translation>
    </message>
    <message>
        <source>When on, anyone who can reach this server can see the chosen nodes without signing in.</source>
        <translation>啟用後，任何能連線到此伺服器的人無須登入即可查看所選節點。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>標題(&amp;T)：</translation>
    </message>
    <message>
        <source>Shown at the top of the page</source>
        <translation>顯示於頁面頂端</translation>
    </message>
    <message>
        <source>Show IP &amp;addresses</source>
        <translation>顯示 IP 位址(&amp;A)</translation>
    </message>
    <message>
        <source>Warning: the page then shows every chosen node&apos;s IP address to anyone who opens it.</source>
        <translation>警告：頁面將向任何開啟它的人顯示每個所選節點的 IP 位址。</translation>
    </message>
    <message>
        <source>&amp;Nodes on the page (ticked), in this order; new ones go last:</source>
        <translation>頁面上的節點(&amp;N)（已勾選），依此順序；新勾選的排在最後：</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Shown instead of the node&apos;s name; empty: the node&apos;s name.</source>
        <translation>取代節點名稱顯示；留空則顯示節點名稱。</translation>
    </message>
    <message>
        <source>Page &amp;address:</source>
        <translation>頁面位址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The page is off: this address answers &quot;not found&quot; until it is turned on.</source>
        <translation>頁面已停用：在啟用之前，此位址會回應「找不到」。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Reading the settings and the fleet&apos;s nodes...</source>
        <translation>正在讀取設定與機群節點…</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>The page in the visitor&apos;s language, live; its data as JSON for a monitor is at /public/api/v1/status.</source>
        <translation>以訪客的語言即時顯示的頁面；供監控使用的 JSON 資料位於 &quot;/public/api/v1/status&quot;。</translation>
    </message>
</context>
<context>
    <name>hm::app::QuickAddPopup</name>
    <message>
        <source>Add a component…</source>
        <translation>加入元件…</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>Calls %1 %2 of %3.</source>
        <translation>呼叫 %3 的 %1 %2。</translation>
    </message>
</context>
<context>
    <name>hm::app::RawJsonEditor</name>
    <message>
        <source>This is not valid JSON (line %1, column %2): %3</source>
        <translation>這不是有效的 JSON（第 %1 行，第 %2 欄）：%3</translation>
    </message>
    <message>
        <source>Enter a JSON object: { … }.</source>
        <translation>請輸入 JSON 物件：{ … }。</translation>
    </message>
    <message>
        <source>%1: not valid (%2)</source>
        <translation>%1：無效（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The flow&apos;s settings as JSON. Valid changes apply as you type.</source>
        <translation>以 JSON 呈現的流程設定。有效的變更會在輸入時立即套用。</translation>
    </message>
    <message>
        <source>The configuration of node “%1” as JSON. Valid changes apply as you type.</source>
        <translation>以 JSON 呈現的節點「%1」組態。有效的變更會在輸入時立即套用。</translation>
    </message>
</context>
<context>
    <name>hm::app::ReauthenticateDialog</name>
    <message>
        <source>Code:</source>
        <translation>驗證碼：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密碼：</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>驗證器應用程式中的 6 位數字</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>確認您的身分</translation>
    </message>
    <message>
        <source>A terminal on &quot;%1&quot; runs commands on that machine. Confirm your password to open it; you are not asked again for 5 minutes.</source>
        <translation>「%1」上的終端機會在該機器上執行指令。請確認密碼以開啟它；5 分鐘內不會再詢問。</translation>
    </message>
    <message>
        <source>Use a code from my authenticator app instead</source>
        <translation>改用驗證器應用程式的驗證碼</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <source>This changes the agent running on &quot;%1&quot;. Confirm your password to go on; you are not asked again for 5 minutes.</source>
        <translation>這會變更「%1」上執行的代理程式。請確認密碼以繼續；5 分鐘內不會再詢問。</translation>
    </message>
    <message>
        <source>This replaces the agent on every node you chose. Confirm your password to go on; you are not asked again for 5 minutes.</source>
        <translation>這會取代您所選每個節點上的代理程式。請確認密碼以繼續；5 分鐘內不會再詢問。</translation>
    </message>
    <message>
        <source>The code was wrong. Type the current one from your authenticator app.</source>
        <translation>驗證碼錯誤。請輸入驗證器應用程式目前顯示的驗證碼。</translation>
    </message>
    <message>
        <source>The password was wrong. Type it again.</source>
        <translation>密碼錯誤，請再輸入一次。</translation>
    </message>
</context>
<context>
    <name>hm::app::RegisterDialog</name>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>請輸入您的電子郵件地址。</translation>
    </message>
    <message>
        <source>Choose a password.</source>
        <translation>請選擇密碼。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>兩次輸入的密碼不同，請輸入相同的密碼兩次。</translation>
    </message>
    <message>
        <source>An account with this e-mail address exists already.</source>
        <translation>已有帳號使用此電子郵件地址。</translation>
    </message>
    <message>
        <source>This user name is taken. Choose another.</source>
        <translation>此使用者名稱已被使用，請選擇其他名稱。</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the password: %1</source>
        <translation>伺服器的密碼原則拒絕了此密碼：%1</translation>
    </message>
    <message>
        <source>This server does not allow registration any more.</source>
        <translation>此伺服器已不再開放註冊。</translation>
    </message>
    <message>
        <source>Registration failed: %1</source>
        <translation>註冊失敗：%1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>註冊</translation>
    </message>
    <message>
        <source>Create an account on this server. An administrator may change its role later.</source>
        <translation>在此伺服器上建立帳號。管理員之後可變更其角色。</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>電子郵件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <source>optional: the part of the address before @</source>
        <translation>選填：預設為地址中 @ 之前的部分</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>依伺服器的密碼原則檢查</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再輸入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>註冊(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>hm::app::ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重設密碼</translation>
    </message>
    <message>
        <source>New password for %1 (their sessions end):</source>
        <translation>%1 的新密碼（其工作階段會結束）：</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>依伺服器的密碼原則檢查</translation>
    </message>
    <message>
        <source>Must choose a new password at the next sign-in</source>
        <translation>下次登入時必須設定新密碼</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>hm::app::RetentionSettingsTab</name>
    <message>
        <source>read the retention settings</source>
        <translation>讀取保留設定</translation>
    </message>
    <message>
        <source>read the store&apos;s size</source>
        <translation>讀取儲存區大小</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>每小時 %1</translation>
    </message>
    <message>
        <source>not known yet (a minute of samples needed)</source>
        <translation>尚不知道（需要一分鐘的取樣）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1／共 %2</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full: new executions are refused until space is freed. Running ones finish.</source>
        <translation>伺服器磁碟已滿：在釋出空間之前，新的執行都會被拒絕。執行中的會照常完成。</translation>
    </message>
    <message>
        <source>The server&apos;s disk is almost full: below %1 free, new executions will be refused. Lower the limits or free space.</source>
        <translation>伺服器磁碟快滿了：可用空間低於 %1 時，新的執行將被拒絕。請調低保留上限或釋出空間。</translation>
    </message>
    <message>
        <source>Used (MiB)</source>
        <translation>已使用（MiB）</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>save the retention settings</source>
        <translation>儲存保留設定</translation>
    </message>
    <message>
        <source>Saved. The next pass applies it.</source>
        <translation>已儲存，下一輪清理時套用。</translation>
    </message>
    <message>
        <source>Applying retention…</source>
        <translation>正在套用保留設定…</translation>
    </message>
    <message>
        <source>apply retention</source>
        <translation>套用保留設定</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n execution(s).</source>
        <translation>
            <numerusform>已移除 %n 筆執行記錄。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only administrators change history retention.</source>
        <translation>只有管理員可以變更歷程保留設定。</translation>
    </message>
    <message>
        <source>History retention (every flow)</source>
        <translation>歷程保留（所有流程）</translation>
    </message>
    <message>
        <source>Keep executions for (days)</source>
        <translation>執行記錄保留天數</translation>
    </message>
    <message>
        <source>Executions kept per flow</source>
        <translation>每個流程保留的執行筆數</translation>
    </message>
    <message>
        <source>Largest database size (MiB)</source>
        <translation>資料庫大小上限（MiB）</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>0 means no limit. Only ended executions are removed, oldest first, in the background; a flow&apos;s own limits (its properties) come before these.</source>
        <translation>0 表示不限。只會在背景移除已結束的執行記錄，由最舊的開始；流程本身的上限（在其屬性中）優先於這些設定。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Apply Now</source>
        <translation>立即套用</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>儲存區</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>資料庫檔案</translation>
    </message>
    <message>
        <source>Used by data</source>
        <translation>資料已使用</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成長速度</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>磁碟可用空間</translation>
    </message>
    <message>
        <source>The chart of the used size appears once the server has taken two samples (one a minute).</source>
        <translation>伺服器取得兩次取樣（每分鐘一次）後，就會顯示已使用大小的圖表。</translation>
    </message>
</context>
<context>
    <name>hm::app::RunStatus</name>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排隊中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>取消中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已略過</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaField</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaForm</name>
    <message>
        <source>Default: %1</source>
        <translation>預設：%1</translation>
    </message>
    <message>
        <source>The component&apos;s configuration schema cannot be used, so the configuration is not checked here.</source>
        <translation>無法使用此元件的組態結構描述，因此這裡不會檢查組態。</translation>
    </message>
    <message>
        <source>Configuration (JSON)</source>
        <translation>組態（JSON）</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaRefreshDialog</name>
    <message>
        <source>Refresh schema of %1</source>
        <translation>重新整理 %1 的結構描述</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>套用變更(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Nothing was stored: %1</source>
        <translation>未儲存任何內容：%1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>變更</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <source>Reading the document again...</source>
        <translation>正在重新讀取文件…</translation>
    </message>
    <message>
        <source>Applying...</source>
        <translation>正在套用…</translation>
    </message>
    <message numerus="yes">
        <source>The document at %1 has not changed: %n endpoint(s) as stored.</source>
        <translation>
            <numerusform>位於 %1 的文件沒有變更：%n 個端點與已儲存的相同。</numerusform>
        </translation>
    </message>
    <message>
        <source>Read from %1: %2 added, %3 changed, %4 removed, %5 unchanged. Nothing is stored until you apply.</source>
        <translation>讀取自 %1：新增 %2、變更 %3、移除 %4、未變更 %5。套用前不會儲存任何內容。</translation>
    </message>
    <message>
        <source>+ Added</source>
        <translation>+ 新增</translation>
    </message>
    <message>
        <source>~ Changed</source>
        <translation>~ 變更</translation>
    </message>
    <message>
        <source>− Removed</source>
        <translation>− 移除</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>已變更：%1</translation>
    </message>
    <message>
        <source>%1 — kept as removed; flows using it fail with a clear error</source>
        <translation>%1 — 保留為已移除；使用它的工作流程會以明確的錯誤失敗</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaText</name>
    <message>
        <source>Enter text.</source>
        <translation>請輸入文字。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>請輸入整數。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>請輸入數值。</translation>
    </message>
    <message>
        <source>Choose true or false.</source>
        <translation>請選擇 true 或 false。</translation>
    </message>
    <message>
        <source>Enter a JSON object.</source>
        <translation>請輸入 JSON 物件。</translation>
    </message>
    <message>
        <source>Enter a list.</source>
        <translation>請輸入清單。</translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation>此值的型別不正確。</translation>
    </message>
    <message>
        <source>Enter a value of at least %1.</source>
        <translation>請輸入不小於 %1 的值。</translation>
    </message>
    <message>
        <source>Enter a value greater than %1.</source>
        <translation>請輸入大於 %1 的值。</translation>
    </message>
    <message>
        <source>Enter a value of at most %1.</source>
        <translation>請輸入不大於 %1 的值。</translation>
    </message>
    <message>
        <source>Enter a value less than %1.</source>
        <translation>請輸入小於 %1 的值。</translation>
    </message>
    <message>
        <source>Enter a multiple of %1.</source>
        <translation>請輸入 %1 的倍數。</translation>
    </message>
    <message numerus="yes">
        <source>Enter at least %n character(s).</source>
        <translation>
            <numerusform>請輸入至少 %n 個字元。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter at most %n character(s).</source>
        <translation>
            <numerusform>請輸入最多 %n 個字元。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add at least %n item(s).</source>
        <translation>
            <numerusform>請加入至少 %n 個項目。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep at most %n item(s).</source>
        <translation>
            <numerusform>最多保留 %n 個項目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>請選擇下列其中之一：%1。</translation>
    </message>
    <message>
        <source>Enter %1.</source>
        <translation>請輸入 %1。</translation>
    </message>
    <message>
        <source>Enter text that matches %1.</source>
        <translation>請輸入符合 %1 的文字。</translation>
    </message>
    <message>
        <source>Enter a date and time such as 2024-01-31T13:45:00Z.</source>
        <translation>請輸入日期與時間，例如 2024-01-31T13:45:00Z。</translation>
    </message>
    <message>
        <source>Enter a date such as 2024-01-31.</source>
        <translation>請輸入日期，例如 2024-01-31。</translation>
    </message>
    <message>
        <source>Enter a time such as 13:45:00Z.</source>
        <translation>請輸入時間，例如 13:45:00Z。</translation>
    </message>
    <message numerus="yes">
        <source>Add at least %n member(s).</source>
        <translation>
            <numerusform>請加入至少 %n 個成員。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep at most %n member(s).</source>
        <translation>
            <numerusform>最多保留 %n 個成員。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a setting this component knows.</source>
        <translation>「%1」不是此元件認得的設定。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
</context>
<context>
    <name>hm::app::SectionEmptyState</name>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
</context>
<context>
    <name>hm::app::SectionFrame</name>
    <message>
        <source>Not connected</source>
        <translation>未連線</translation>
    </message>
    <message>
        <source>%1 needs a server. The console connects by itself; the status bar shows how it is going and can try again at once.</source>
        <translation>%1 需要連線到伺服器。主控台會自動連線；狀態列會顯示進度，也可以立即重試。</translation>
    </message>
    <message>
        <source>Sign in to see %1</source>
        <translation>登入後即可查看「%1」</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>登入…</translation>
    </message>
    <message>
        <source>%1 is not open to your role</source>
        <translation>您的角色無法開啟「%1」</translation>
    </message>
    <message>
        <source>Your role cannot open this section. An administrator can change the roles of accounts in Users.</source>
        <translation>您的角色無法開啟此區塊。管理員可以在「使用者」中變更帳號的角色。</translation>
    </message>
    <message>
        <source>%1 needs a newer server</source>
        <translation>「%1」需要較新版的伺服器</translation>
    </message>
    <message>
        <source>The server this console is connected to (version %1) does not offer %2. Update the server to use it; the rest of the console works as before.</source>
        <translation>此主控台連線的伺服器（版本 %1）不提供「%2」。請更新伺服器後再使用；主控台的其他功能不受影響。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>hm::app::SectionHeader</name>
    <message>
        <source>Search by name</source>
        <translation>依名稱搜尋</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Read the list again (%1)</source>
        <translation>重新讀取清單（%1）</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceCredentialPicker</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>The linked credential (not readable by you)</source>
        <translation>已連結的憑證（您無法讀取）</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceDetailsPage</name>
    <message>
        <source>The service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Where the service answers. Its OpenAPI document is looked for at the usual paths under the base URL unless you give its URL.</source>
        <translation>服務的位址。除非您提供文件網址，否則會在基底網址下的常用路徑尋找其 OpenAPI 文件。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>顯示名稱(&amp;D)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>說明(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基底網址(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Schema URL:</source>
        <translation>結構描述網址(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>憑證(&amp;C)：</translation>
    </message>
    <message>
        <source>unique; letters, digits, - _ .</source>
        <translation>不可重複；字母、數字、- _ .</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>The credentials could not be read: %1</source>
        <translation>無法讀取憑證：%1</translation>
    </message>
    <message>
        <source>optional: %1 or an absolute URL</source>
        <translation>選填：%1 或完整網址</translation>
    </message>
    <message>
        <source>Injected into every call: user name and password, bearer token, API key or OAuth2 credentials.</source>
        <translation>每次呼叫都會自動帶入：使用者名稱與密碼、Bearer 權杖、API 金鑰或 OAuth2 憑證。</translation>
    </message>
    <message>
        <source>The base URL must be an http or https address: the server calls nothing else.</source>
        <translation>基底網址必須是 http 或 https 網址：伺服器不會呼叫其他種類的網址。</translation>
    </message>
    <message>
        <source>The server reads only http and https URLs, or a path under the base URL (starting with &quot;/&quot;). For a document on this computer, use Import from file... or drop the file here.</source>
        <translation>伺服器只讀取 http 與 https 網址，或基底網址下的路徑（以「/」開頭）。文件若在這台電腦上，請使用「從檔案匯入…」，或將檔案拖放到這裡。</translation>
    </message>
    <message>
        <source>The OpenAPI document is read from the file %1 (%2). Type a schema URL to use it instead.</source>
        <translation>OpenAPI 文件將從檔案 %1（%2）讀取。輸入結構描述網址即改用該網址。</translation>
    </message>
    <message>
        <source>optional; the name when empty</source>
        <translation>選填；留空時使用名稱</translation>
    </message>
    <message>
        <source>Import OpenAPI document</source>
        <translation>匯入 OpenAPI 文件</translation>
    </message>
    <message>
        <source>OpenAPI documents (*.json *.yaml *.yml)</source>
        <translation>OpenAPI 文件 (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than the server reads (16 MiB).</source>
        <translation>%1 超過伺服器可讀取的大小（16 MiB）。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空的。</translation>
    </message>
    <message>
        <source>&amp;Import from file...</source>
        <translation>從檔案匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>Read a local OpenAPI document (JSON or YAML) and send its text to the server; you can also drop the file on this window.</source>
        <translation>讀取本機的 OpenAPI 文件並將其內容傳送至伺服器；也可以將檔案拖放到這個視窗。</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceEditDialog</name>
    <message>
        <source>Edit service %1</source>
        <translation>編輯服務 %1</translation>
    </message>
    <message>
        <source>Flows and the audit log know the service as &quot;%1&quot;; that name stays. Changing the base URL or the schema URL does not read the document again: use Refresh schema afterwards.</source>
        <translation>工作流程與稽核記錄以「%1」識別此服務，此名稱不會改變。變更基底網址或結構描述網址不會重新讀取文件：之後請使用「重新整理結構描述」。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>說明(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基底網址(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Schema URL:</source>
        <translation>結構描述網址(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>憑證(&amp;C)：</translation>
    </message>
    <message>
        <source>shown in lists and the flow editor</source>
        <translation>顯示於清單與流程編輯器</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>optional: %1 or an absolute URL</source>
        <translation>選填：%1 或完整網址</translation>
    </message>
    <message>
        <source>Reading the credentials...</source>
        <translation>正在讀取憑證…</translation>
    </message>
    <message>
        <source>The credentials could not be read: %1</source>
        <translation>無法讀取憑證：%1</translation>
    </message>
    <message>
        <source>Injected into every call the service&apos;s endpoints make.</source>
        <translation>此服務的端點每次呼叫時都會自動帶入。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The service was not saved: %1</source>
        <translation>未儲存服務：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceListModel</name>
    <message>
        <source>No OpenAPI document: endpoints added by hand</source>
        <translation>沒有 OpenAPI 文件：端點為手動新增</translation>
    </message>
    <message>
        <source>Document read from %1</source>
        <translation>文件讀取自 %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新於 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>已連結</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基底網址</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>憑證</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceProbePage</name>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Register it without a document; I will add the endpoints by hand</source>
        <translation>不使用文件直接註冊；我會手動新增端點</translation>
    </message>
    <message>
        <source>Looking for the OpenAPI document...</source>
        <translation>正在尋找 OpenAPI 文件…</translation>
    </message>
    <message numerus="yes">
        <source>Found a document with %n endpoint(s) to import.</source>
        <translation>
            <numerusform>找到文件，可匯入 %n 個端點。</numerusform>
        </translation>
    </message>
    <message>
        <source>Read from %1
%2 %3 (OpenAPI %4)</source>
        <translation>讀取自 %1
%2 %3（OpenAPI %4）</translation>
    </message>
    <message>
        <source>No document: %1</source>
        <translation>沒有文件：%1</translation>
    </message>
    <message>
        <source>Go back to correct the base URL or give the schema URL.</source>
        <translation>請返回修正基底網址，或提供結構描述網址。</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探測</translation>
    </message>
    <message>
        <source>What the server finds at the service, before anything is saved.</source>
        <translation>伺服器在服務上找到的內容，尚未儲存任何東西。</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>檔案 %1</translation>
    </message>
    <message>
        <source>Go back to import another file or give the schema URL.</source>
        <translation>請返回匯入其他檔案，或提供結構描述網址。</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceSchemaTree</name>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>In</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Select an endpoint to see its schema.</source>
        <translation>選取端點以檢視其結構描述。</translation>
    </message>
    <message>
        <source>Parameters (%1)</source>
        <translation>參數（%1）</translation>
    </message>
    <message>
        <source>No parameters</source>
        <translation>沒有參數</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>請求本文</translation>
    </message>
    <message>
        <source>Request body (%1)</source>
        <translation>請求本文（%1）</translation>
    </message>
    <message>
        <source>No request body</source>
        <translation>沒有請求本文</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>回應</translation>
    </message>
    <message>
        <source>No responses described</source>
        <translation>未描述任何回應</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceTestDialog</name>
    <message>
        <source>Test call to %1</source>
        <translation>測試呼叫 %1</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>端點(&amp;E)：</translation>
    </message>
    <message>
        <source>GET the base URL (%1)</source>
        <translation>GET 基底網址（%1）</translation>
    </message>
    <message>
        <source>Request &amp;body (JSON):</source>
        <translation>請求本文(&amp;B)（JSON）：</translation>
    </message>
    <message>
        <source>No body is sent while this is empty.</source>
        <translation>留空時不傳送本文。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>傳送(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>標頭</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>（不傳送）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>%1 (%2, %3) *</source>
        <translation>%1（%2，%3）*</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>No parameters.</source>
        <translation>沒有參數。</translation>
    </message>
    <message>
        <source>Parameters (* required):</source>
        <translation>參數（* 為必填）：</translation>
    </message>
    <message>
        <source>Fill in the required parameters: %1</source>
        <translation>請填寫必填參數：%1</translation>
    </message>
    <message>
        <source>The body is not JSON (at character %1): %2</source>
        <translation>本文不是 JSON（第 %1 個字元）：%2</translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation>正在傳送…</translation>
    </message>
    <message>
        <source>Error %1: %2</source>
        <translation>錯誤 %1：%2</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>尚未傳送。</translation>
    </message>
    <message>
        <source>Error %1: %2 (%3 ms)</source>
        <translation>錯誤 %1：%2（%3 毫秒）</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms — %3 %4</source>
        <translation>HTTP %1，耗時 %2 毫秒 — %3 %4</translation>
    </message>
    <message>
        <source>(cut off after the first 64 KiB)</source>
        <translation>（僅顯示前 64 KiB）</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceWizard</name>
    <message>
        <source>New service</source>
        <translation>新增服務</translation>
    </message>
    <message>
        <source>&amp;Probe &gt;</source>
        <translation>探測(&amp;P) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>註冊(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Registering...</source>
        <translation>正在註冊…</translation>
    </message>
    <message>
        <source>The service was not registered: %1</source>
        <translation>未註冊服務：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::ServicesPage</name>
    <message>
        <source>More services could not be read: %1</source>
        <translation>無法讀取更多服務：%1</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>External REST services whose endpoints flows can call, imported from their OpenAPI document or added by hand.</source>
        <translation>外部 REST 服務，工作流程可呼叫其端點；端點從 OpenAPI 文件匯入或手動新增。</translation>
    </message>
    <message>
        <source>New service...</source>
        <translation>新增服務…</translation>
    </message>
    <message>
        <source>Refresh schema...</source>
        <translation>重新整理結構描述…</translation>
    </message>
    <message>
        <source>Test call...</source>
        <translation>測試呼叫…</translation>
    </message>
    <message>
        <source>Add endpoint...</source>
        <translation>新增端點…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>結構描述</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a service first.</source>
        <translation>請先選取服務。</translation>
    </message>
    <message>
        <source>Register a service by its base URL.</source>
        <translation>以基底網址註冊服務。</translation>
    </message>
    <message>
        <source>Only who registered it (%1) or an administrator can change this service.</source>
        <translation>只有註冊者（%1）或管理員可以變更此服務。</translation>
    </message>
    <message>
        <source>(deleted user)</source>
        <translation>（已刪除的使用者）</translation>
    </message>
    <message>
        <source>This service has no OpenAPI document; add its endpoints by hand.</source>
        <translation>此服務沒有 OpenAPI 文件；請手動新增端點。</translation>
    </message>
    <message>
        <source>Read the OpenAPI document again and compare before storing.</source>
        <translation>重新讀取 OpenAPI 文件，儲存前先比較差異。</translation>
    </message>
    <message>
        <source>Call one endpoint with parameters and see the answer.</source>
        <translation>帶參數呼叫一個端點並檢視回應。</translation>
    </message>
    <message>
        <source>Add an endpoint by hand.</source>
        <translation>手動新增端點。</translation>
    </message>
    <message>
        <source>Delete the service and its endpoints.</source>
        <translation>刪除服務及其端點。</translation>
    </message>
    <message>
        <source>Sign in to see services.</source>
        <translation>登入以檢視服務。</translation>
    </message>
    <message>
        <source>Loading services...</source>
        <translation>正在載入服務…</translation>
    </message>
    <message>
        <source>The services could not be read</source>
        <translation>無法讀取服務</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No service matches</source>
        <translation>沒有符合的服務</translation>
    </message>
    <message>
        <source>No service has &quot;%1&quot; in its name.</source>
        <translation>沒有名稱包含「%1」的服務。</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜尋</translation>
    </message>
    <message>
        <source>No services yet</source>
        <translation>尚無服務</translation>
    </message>
    <message>
        <source>Register a REST service by its base URL: its OpenAPI document is found and its endpoints imported, ready for flows to call with a linked credential.</source>
        <translation>以基底網址註冊 REST 服務：系統會找到其 OpenAPI 文件並匯入端點，工作流程即可搭配連結的憑證呼叫。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n service(s) shown</source>
        <translation>
            <numerusform>顯示 %1 / %n 個服務</numerusform>
        </translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No service selected</source>
        <translation>未選取服務</translation>
    </message>
    <message>
        <source>Select a service to see its endpoints and their schemas.</source>
        <translation>選取服務以檢視其端點與結構描述。</translation>
    </message>
    <message>
        <source>The service could not be read: %1</source>
        <translation>無法讀取服務：%1</translation>
    </message>
    <message>
        <source>Reading the endpoints...</source>
        <translation>正在讀取端點…</translation>
    </message>
    <message>
        <source>%1 — no OpenAPI document, endpoints added by hand</source>
        <translation>%1 — 沒有 OpenAPI 文件，端點為手動新增</translation>
    </message>
    <message>
        <source>%1 — document %2, read %3</source>
        <translation>%1 — 文件 %2，讀取於 %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>已連結</translation>
    </message>
    <message>
        <source>Status: %1 · Credential: %2 · Timeout: %3 ms · Registered by %4</source>
        <translation>狀態：%1 · 憑證：%2 · 逾時：%3 毫秒 · 註冊者：%4</translation>
    </message>
    <message>
        <source>%1 (by hand)</source>
        <translation>%1（手動）</translation>
    </message>
    <message>
        <source>Removed — %1</source>
        <translation>已移除 — %1</translation>
    </message>
    <message>
        <source>No longer in the document since %1; flows using it fail with ENDPOINT_NOT_FOUND.</source>
        <translation>自 %1 起已不在文件中；使用它的工作流程會以 ENDPOINT_NOT_FOUND 失敗。</translation>
    </message>
    <message>
        <source>Endpoints (%1)</source>
        <translation>端點（%1）</translation>
    </message>
    <message>
        <source>Endpoints (%1 active, %2 removed)</source>
        <translation>端點（%1 個啟用，%2 個已移除）</translation>
    </message>
    <message>
        <source>Schema of %1 %2</source>
        <translation>%1 %2 的結構描述</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; was registered with %n endpoint(s).</source>
        <translation>
            <numerusform>已註冊「%1」，含 %n 個端點。</numerusform>
        </translation>
    </message>
    <message>
        <source>Schema of &quot;%1&quot; refreshed: %2 added, %3 changed, %4 removed.</source>
        <translation>已重新整理「%1」的結構描述：新增 %2、變更 %3、移除 %4。</translation>
    </message>
    <message>
        <source>Endpoint %1 %2 added.</source>
        <translation>已新增端點 %1 %2。</translation>
    </message>
    <message>
        <source>Delete service</source>
        <translation>刪除服務</translation>
    </message>
    <message numerus="yes">
        <source>Delete &quot;%1&quot; and its %n endpoint(s)? Flows calling it stop working. This cannot be undone.</source>
        <translation>
            <numerusform>要刪除「%1」及其 %n 個端點嗎？呼叫它的工作流程將無法運作。此動作無法復原。</numerusform>
        </translation>
    </message>
    <message>
        <source>The service was not deleted: %1</source>
        <translation>未刪除服務：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted.</source>
        <translation>已刪除「%1」。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted, perhaps in another console.</source>
        <translation>「%1」已被刪除，可能是在另一個主控台中。</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Change the name, description, base URL, schema URL or credential.</source>
        <translation>變更名稱、說明、基底網址、結構描述網址或憑證。</translation>
    </message>
    <message>
        <source>Service deleted</source>
        <translation>服務已刪除</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted, perhaps in another console: flows calling it fail. Select another service.</source>
        <translation>「%1」已被刪除，可能是在另一個主控台中：呼叫它的工作流程會失敗。請選取其他服務。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was saved.</source>
        <translation>已儲存「%1」。</translation>
    </message>
    <message>
        <source>%1 — document imported from a file, read %2</source>
        <translation>%1 — 從檔案匯入的文件，讀取於 %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::SettingsEditor</name>
    <message>
        <source>Enter a JSON array of notification targets, for example [].</source>
        <translation>請輸入通知對象的 JSON 陣列，例如 []。</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>並行</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>逾時</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷程</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Allow: start another run</source>
        <translation>允許：再啟動一次執行</translation>
    </message>
    <message>
        <source>Deny: refuse while one runs</source>
        <translation>拒絕：有執行進行中時拒絕觸發</translation>
    </message>
    <message>
        <source>Queue: wait for a free slot</source>
        <translation>排隊：等待空出的名額</translation>
    </message>
    <message>
        <source>Replace: cancel the running one</source>
        <translation>取代：取消正在進行的執行</translation>
    </message>
    <message>
        <source>Whole flow</source>
        <translation>整個流程</translation>
    </message>
    <message>
        <source>Per trigger key</source>
        <translation>依觸發鍵</translation>
    </message>
    <message>
        <source>All: every node&apos;s inputs and outputs</source>
        <translation>全部：每個節點的輸入與輸出</translation>
    </message>
    <message>
        <source>Summary: statuses, times and errors</source>
        <translation>摘要：狀態、時間與錯誤</translation>
    </message>
    <message>
        <source>None: only the execution itself</source>
        <translation>無：僅保留執行本身</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>customer_id or $.trigger.customer.id</source>
        <translation>customer_id 或 $.trigger.customer.id</translation>
    </message>
    <message>
        <source>When triggered while running</source>
        <translation>執行中又被觸發時</translation>
    </message>
    <message>
        <source>What a trigger does while runs of this flow are in progress.</source>
        <translation>此流程仍有執行進行中時，新的觸發如何處理。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>範圍</translation>
    </message>
    <message>
        <source>Whether the limit counts the runs of the whole flow or the runs of each trigger key.</source>
        <translation>上限計算的是整個流程的執行，還是每個觸發鍵各自的執行。</translation>
    </message>
    <message>
        <source>Scope key</source>
        <translation>範圍鍵</translation>
    </message>
    <message>
        <source>The trigger field whose value separates the runs.</source>
        <translation>以其值區分各次執行的觸發欄位。</translation>
    </message>
    <message>
        <source>Maximum instances</source>
        <translation>最大執行個體數</translation>
    </message>
    <message>
        <source>How many runs may be in progress at once.</source>
        <translation>同時可進行的執行數量。</translation>
    </message>
    <message>
        <source>Flow timeout</source>
        <translation>流程逾時</translation>
    </message>
    <message>
        <source>A run that takes longer is cancelled.</source>
        <translation>超過此時間的執行會被取消。</translation>
    </message>
    <message>
        <source>Node timeout</source>
        <translation>節點逾時</translation>
    </message>
    <message>
        <source>A node that takes longer fails, and may be retried.</source>
        <translation>超過此時間的節點會失敗，並可能重試。</translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation>最大嘗試次數</translation>
    </message>
    <message>
        <source>1 means a failed node is not retried.</source>
        <translation>1 表示失敗的節點不會重試。</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>退避時間</translation>
    </message>
    <message>
        <source>The wait before the first retry.</source>
        <translation>第一次重試前的等待時間。</translation>
    </message>
    <message>
        <source>Backoff multiplier</source>
        <translation>退避倍數</translation>
    </message>
    <message>
        <source>Each later wait is the previous one times this.</source>
        <translation>之後每次等待為前一次乘以此倍數。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>What is kept of a run once it ends.</source>
        <translation>執行結束後保留哪些內容。</translation>
    </message>
    <message>
        <source>On completion</source>
        <translation>完成時</translation>
    </message>
    <message>
        <source>Notification targets as a JSON array.</source>
        <translation>以 JSON 陣列表示的通知對象。</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>失敗時</translation>
    </message>
    <message>
        <source>With the scope “per trigger key”, enter the trigger field that keys it.</source>
        <translation>範圍為「依觸發鍵」時，請輸入作為鍵的觸發欄位。</translation>
    </message>
    <message>
        <source>Enter a trigger field name or a $.trigger.… expression.</source>
        <translation>請輸入觸發欄位名稱或 $.trigger.… 運算式。</translation>
    </message>
</context>
<context>
    <name>hm::app::SettingsPage</name>
    <message>
        <source>read the system configuration</source>
        <translation>讀取系統設定</translation>
    </message>
    <message>
        <source>The site name cannot be empty.</source>
        <translation>網站名稱不能為空白。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>The server refused the changes; nothing was saved. See the fields marked in red.</source>
        <translation>伺服器拒絕了這些變更，未儲存任何內容。請查看以紅色標示的欄位。</translation>
    </message>
    <message>
        <source>change the system configuration</source>
        <translation>變更系統設定</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Sign in to see the server&apos;s configuration.</source>
        <translation>請登入以查看伺服器設定。</translation>
    </message>
    <message>
        <source>Only administrators may change the system configuration; you are signed in as %1.</source>
        <translation>只有管理員才能變更系統設定；您目前以 %1 身分登入。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>The server&apos;s configuration, and how this console works for you.</source>
        <translation>伺服器的設定，以及此主控台的使用偏好。</translation>
    </message>
    <message>
        <source>System configuration</source>
        <translation>系統設定</translation>
    </message>
    <message>
        <source>Console preferences</source>
        <translation>主控台偏好設定</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <source>Sign-in security</source>
        <translation>登入安全性</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>密碼原則</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>網站名稱</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>日誌層級</translation>
    </message>
    <message>
        <source>Limit request rates</source>
        <translation>限制請求速率</translation>
    </message>
    <message>
        <source>Requests per minute (signed in)</source>
        <translation>每分鐘請求數（已登入）</translation>
    </message>
    <message>
        <source>Requests per minute (anonymous, per IP)</source>
        <translation>每分鐘請求數（匿名，每個 IP）</translation>
    </message>
    <message>
        <source>Failed sign-ins before lockout</source>
        <translation>鎖定前允許的登入失敗次數</translation>
    </message>
    <message>
        <source>Lockout duration</source>
        <translation>鎖定時間</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>最小長度</translation>
    </message>
    <message>
        <source>Require an uppercase letter</source>
        <translation>須包含大寫字母</translation>
    </message>
    <message>
        <source>Require a lowercase letter</source>
        <translation>須包含小寫字母</translation>
    </message>
    <message>
        <source>Require a digit</source>
        <translation>須包含數字</translation>
    </message>
    <message>
        <source>Require a symbol</source>
        <translation>須包含符號</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 個字元</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>此主控台</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>佈景主題</translation>
    </message>
    <message>
        <source>Servers and profiles</source>
        <translation>伺服器與設定檔</translation>
    </message>
    <message>
        <source>Local server (runs inside this console)</source>
        <translation>本機伺服器（在此主控台內執行）</translation>
    </message>
    <message>
        <source>Add servers with File ▸ Add Server… and switch with File ▸ Switch Server; they are listed here read-only.</source>
        <translation>請以「檔案 ▸ 新增伺服器…」新增伺服器，以「檔案 ▸ 切換伺服器」切換；此處僅供檢視。</translation>
    </message>
    <message>
        <source>Default data location</source>
        <translation>預設資料位置</translation>
    </message>
    <message>
        <source>Where the local server keeps its encrypted database. Start the console with --data-dir to use another one.</source>
        <translation>本機伺服器存放加密資料庫的位置。啟動主控台時加上 --data-dir 即可改用其他位置。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Also in View ▸ Theme. Applies at once and is remembered.</source>
        <translation>也可在「檢視 ▸ 佈景主題」中設定。立即套用並會記住。</translation>
    </message>
    <message>
        <source>Requests the server makes</source>
        <translation>伺服器發出的請求</translation>
    </message>
    <message>
        <source>May reach private networks (loopback, LAN)</source>
        <translation>可連線到私有網路（本機迴路、區域網路）</translation>
    </message>
    <message>
        <source>Schema fetches and credential tests that users start go only to public addresses unless this is on. Turn it on when your services run on this machine or your own network.</source>
        <translation>除非開啟此選項，使用者發起的結構描述擷取與憑證測試只會連線到公開位址。若您的服務執行於本機或您自己的網路，請開啟此選項。</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation>排程備份</translation>
    </message>
    <message>
        <source>Hour of the day</source>
        <translation>執行時刻</translation>
    </message>
    <message>
        <source>Day of the week</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>保留最新的</translation>
    </message>
    <message>
        <source>Keep one per week for</source>
        <translation>每週保留一份，共保留</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每週</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> 份備份</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 週</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>A backup is useless without the master key: keep a copy of the master key apart from the backups. The hour is in the server&apos;s time zone.</source>
        <translation>沒有主金鑰，備份就無法使用：請將主金鑰另外保存一份，不要與備份放在一起。時刻以伺服器的時區為準。</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保留期限</translation>
    </message>
    <message>
        <source>The day of the week is used only by a weekly schedule.</source>
        <translation>星期幾只在每週排程備份時使用。</translation>
    </message>
    <message>
        <source>Used only while scheduled backups are on.</source>
        <translation>只在開啟排程備份時使用。</translation>
    </message>
</context>
<context>
    <name>hm::app::ShareDialog</name>
    <message>
        <source>Nobody has an account with %1 yet: the flow is shared as soon as they create one.</source>
        <translation>目前還沒有人使用 %1 註冊帳號：對方建立帳號後，流程就會分享給對方。</translation>
    </message>
    <message>
        <source>Shared with %1.</source>
        <translation>已分享給 %1。</translation>
    </message>
    <message>
        <source>Permission changed.</source>
        <translation>權限已變更。</translation>
    </message>
    <message>
        <source>Stop Sharing</source>
        <translation>停止分享</translation>
    </message>
    <message>
        <source>Stop sharing “%1” with %2? They will no longer see the flow or run it.</source>
        <translation>要停止與 %2 分享「%1」嗎？對方將無法再看到或執行此流程。</translation>
    </message>
    <message>
        <source>The flow is no longer shared with %1.</source>
        <translation>此流程已不再分享給 %1。</translation>
    </message>
    <message>
        <source>%1 (invited)</source>
        <translation>%1（已邀請）</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Share “%1”</source>
        <translation>分享「%1」</translation>
    </message>
    <message>
        <source>People you share the flow with see it in their list. View lets them run it, edit lets them change it, admin lets them share it too.</source>
        <translation>與您分享流程的人會在其清單中看到它。「檢視」讓對方可以執行，「編輯」可以變更，「管理」還可以再分享。</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>電子郵件(&amp;E)：</translation>
    </message>
    <message>
        <source>colleague@example.com</source>
        <translation>例如 colleague@example.com</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>分享(&amp;S)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人員</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>權限</translation>
    </message>
    <message>
        <source>Shared by</source>
        <translation>分享者</translation>
    </message>
    <message>
        <source>&amp;Selected:</source>
        <translation>所選項目(&amp;S)：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>hm::app::SignInDialog</name>
    <message>
        <source>The one-time code is wrong or has expired. Enter the current code from your authenticator app.</source>
        <translation>一次性驗證碼錯誤或已過期。請輸入驗證器應用程式目前顯示的驗證碼。</translation>
    </message>
    <message>
        <source>The username, e-mail address or password is wrong.</source>
        <translation>使用者名稱、電子郵件地址或密碼錯誤。</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked until %1.</source>
        <translation>失敗次數過多：登入已鎖定至 %1。</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked for a while. Try again later.</source>
        <translation>失敗次數過多：登入已暫時鎖定，請稍後再試。</translation>
    </message>
    <message>
        <source>This account is suspended. Ask an administrator.</source>
        <translation>此帳號已停用，請洽詢管理員。</translation>
    </message>
    <message>
        <source>This account is not activated yet.</source>
        <translation>此帳號尚未啟用。</translation>
    </message>
    <message>
        <source>The sign-in took too long. Enter your password again.</source>
        <translation>登入逾時，請重新輸入密碼。</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>登入失敗：%1</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>登入 %1</translation>
    </message>
    <message>
        <source>&amp;Username or e-mail:</source>
        <translation>使用者名稱或電子郵件(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;One-time code:</source>
        <translation>一次性驗證碼(&amp;O)：</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>驗證器應用程式中的 6 位數字</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>驗證(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登入(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The recovery code is wrong or was used before. Each code works once.</source>
        <translation>復原碼錯誤或已使用過。每個復原碼只能使用一次。</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>復原碼(&amp;R)：</translation>
    </message>
    <message>
        <source>One of your saved recovery codes</source>
        <translation>您保存的其中一個復原碼</translation>
    </message>
    <message>
        <source>Use a recovery code</source>
        <translation>改用復原碼</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>請輸入新密碼。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password twice.</source>
        <translation>兩次輸入的新密碼不一致。請輸入相同的密碼兩次。</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the new password: %1</source>
        <translation>伺服器的密碼原則拒絕了新密碼：%1</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密碼(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再輸入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>依伺服器的密碼原則檢查</translation>
    </message>
    <message>
        <source>%1, your password was chosen by somebody else. Choose your own password to continue: until then the server allows nothing else.</source>
        <translation>%1，您的密碼是由他人設定的。請設定您自己的密碼以繼續：在此之前，伺服器不允許任何其他操作。</translation>
    </message>
    <message>
        <source>Change &amp;Password</source>
        <translation>變更密碼(&amp;P)</translation>
    </message>
    <message>
        <source>Your password was changed. Sign in with the new one.</source>
        <translation>您的密碼已變更，請以新密碼登入。</translation>
    </message>
    <message>
        <source>Your account was created. Sign in with it.</source>
        <translation>您的帳號已建立，請以此帳號登入。</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>忘記密碼？</translation>
    </message>
    <message>
        <source>Register an account</source>
        <translation>註冊帳號</translation>
    </message>
</context>
<context>
    <name>hm::app::StorageWarning</name>
    <message>
        <source>Server disk full (%1 free): new executions are refused</source>
        <translation>伺服器磁碟已滿（可用 %1）：新的執行會被拒絕</translation>
    </message>
    <message>
        <source>Server disk almost full: %1 free</source>
        <translation>伺服器磁碟快滿了：可用 %1</translation>
    </message>
</context>
<context>
    <name>hm::app::TaskTargetPicker</name>
    <message>
        <source>%1 (offline)</source>
        <translation>%1（離線）</translation>
    </message>
    <message>
        <source>Choose a label: a task never runs on every node.</source>
        <translation>請選擇標籤：任務絕不會在所有節點上執行。</translation>
    </message>
    <message>
        <source>Choose the node the command runs on.</source>
        <translation>請選擇執行指令的節點。</translation>
    </message>
    <message>
        <source>No node has this label now: the task would fail.</source>
        <translation>目前沒有節點具有此標籤：任務將會失敗。</translation>
    </message>
    <message>
        <source>Nodes matching now: %1; &quot;One&quot; needs exactly one.</source>
        <translation>目前符合的節點：%1；「單一」需要恰好一個。</translation>
    </message>
    <message>
        <source>Nodes matching now: %1, none online: the task would fail.</source>
        <translation>目前符合的節點：%1，但都不在線上：任務將會失敗。</translation>
    </message>
    <message>
        <source>Nodes matching now: %1, online: %2.</source>
        <translation>目前符合的節點：%1，在線上：%2。</translation>
    </message>
    <message>
        <source>This node is not in the fleet any more: the task would fail.</source>
        <translation>此節點已不在機群中：任務將會失敗。</translation>
    </message>
    <message>
        <source>The node is offline now.</source>
        <translation>此節點目前離線。</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>執行位置</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>節點範圍</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>單一節點</translation>
    </message>
    <message>
        <source>Nodes with a label</source>
        <translation>具有標籤的節點</translation>
    </message>
    <message>
        <source>One (exactly one must match)</source>
        <translation>單一（必須恰好符合一個）</translation>
    </message>
    <message>
        <source>Any one online</source>
        <translation>任一在線節點</translation>
    </message>
    <message>
        <source>All of them (fan-out)</source>
        <translation>全部（分散執行）</translation>
    </message>
    <message>
        <source>e.g. batch</source>
        <translation>例如 batch</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalCloseQuestion</name>
    <message>
        <source>Close terminal</source>
        <translation>關閉終端機</translation>
    </message>
    <message>
        <source>Keep &quot;%1&quot; running on the node?</source>
        <translation>要讓「%1」繼續在節點上執行嗎？</translation>
    </message>
    <message>
        <source>A session kept running can be reattached from Sessions, here or from another console, until it has been idle too long. Ending it stops its shell and every program started in it.</source>
        <translation>繼續執行的工作階段可在此處或其他主控台的「工作階段」中重新連接，直到閒置過久為止。結束它會停止其 shell 及在其中啟動的所有程式。</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>繼續執行</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>結束工作階段</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalSessionsDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>The sessions could not be read: %1</source>
        <translation>無法讀取工作階段：%1</translation>
    </message>
    <message>
        <source>%1, process %2</source>
        <translation>%1，處理程序 %2</translation>
    </message>
    <message>
        <source>In a tab here</source>
        <translation>在此處的分頁中</translation>
    </message>
    <message>
        <source>Another user&apos;s</source>
        <translation>其他使用者的</translation>
    </message>
    <message>
        <source>Attached elsewhere</source>
        <translation>已在別處連接</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>已中斷連接</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>End terminal session</source>
        <translation>結束終端機工作階段</translation>
    </message>
    <message>
        <source>End this session? Its shell and every program started in it stop on %1.</source>
        <translation>要結束此工作階段嗎？其 shell 及在其中啟動的所有程式都會在 %1 上停止。</translation>
    </message>
    <message>
        <source>The session could not be ended: %1</source>
        <translation>無法結束工作階段：%1</translation>
    </message>
    <message>
        <source>Terminal sessions on %1</source>
        <translation>%1 上的終端機工作階段</translation>
    </message>
    <message>
        <source>Sessions keep running on %1 when their tab or the console is closed, until they have been idle too long. Reattach one to use it again, or end those you no longer need.</source>
        <translation>關閉分頁或主控台後，工作階段仍會在 %1 上繼續執行，直到閒置過久為止。重新連接一個即可再次使用，或結束不再需要的工作階段。</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell 程式</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目錄</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>閒置</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>No terminal session is running on this node.</source>
        <translation>此節點上沒有正在執行的終端機工作階段。</translation>
    </message>
    <message>
        <source>Reattach</source>
        <translation>重新連接</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>結束工作階段</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalTabs</name>
    <message>
        <source>Terminal %1</source>
        <translation>終端機 %1</translation>
    </message>
    <message>
        <source>New terminal</source>
        <translation>新增終端機</translation>
    </message>
    <message>
        <source>No terminal open. Press + to open one.</source>
        <translation>尚未開啟終端機。按 + 開啟一個。</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>工作階段</translation>
    </message>
    <message>
        <source>Terminal sessions still running on this node: reattach or end them</source>
        <translation>仍在此節點上執行的終端機工作階段：重新連接或結束它們</translation>
    </message>
    <message>
        <source>No terminal open here. Sessions still run on this node: press Sessions to reattach one, or + to open a new one.</source>
        <translation>此處尚未開啟終端機。此節點上仍有工作階段在執行：按「工作階段」重新連接其中一個，或按 + 開啟新的。</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalView</name>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼上</translation>
    </message>
    <message>
        <source>Clear scrollback</source>
        <translation>清除捲動記錄</translation>
    </message>
</context>
<context>
    <name>hm::app::TextField</name>
    <message>
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>From %1 to %2 characters.</source>
        <translation>%1 到 %2 個字元。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>最多 %n 個字元。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>至少 %n 個字元。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::TriggerDialog</name>
    <message>
        <source>Not valid JSON: %1 (at character %2).</source>
        <translation>不是有效的 JSON：%1（位於第 %2 個字元）。</translation>
    </message>
    <message>
        <source>The inputs must be a JSON object, such as {&quot;message&quot;: &quot;hello&quot;}.</source>
        <translation>輸入必須是 JSON 物件，例如 {&quot;message&quot;: &quot;hello&quot;}。</translation>
    </message>
    <message>
        <source>Run “%1”</source>
        <translation>執行「%1」</translation>
    </message>
    <message>
        <source>Starts an execution of the flow. Its nodes read these inputs as $.trigger.&lt;name&gt;.</source>
        <translation>開始此流程的一次執行。其節點會以 $.trigger.&lt;name&gt; 讀取這些輸入。</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Inputs (JSON):</source>
        <translation>輸入（JSON）(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>執行(&amp;R)</translation>
    </message>
    <message>
        <source>Published (version %1)</source>
        <translation>已發布（版本 %1）</translation>
    </message>
    <message>
        <source>Latest draft (version %1)</source>
        <translation>最新草稿（版本 %1）</translation>
    </message>
</context>
<context>
    <name>hm::app::TriggerOptionsBox</name>
    <message>
        <source>The callback URL must start with http:// or https://.</source>
        <translation>回呼 URL 必須以 http:// 或 https:// 開頭。</translation>
    </message>
    <message>
        <source>The callback URL needs a host name.</source>
        <translation>回呼 URL 需要主機名稱。</translation>
    </message>
    <message>
        <source>The callback URL may not hold a user name, a password or a #part.</source>
        <translation>回呼 URL 不可包含使用者名稱、密碼或 # 片段。</translation>
    </message>
    <message>
        <source>With a callback URL, enter a secret of %1 to %2 bytes: the receiver checks the signature with it.</source>
        <translation>使用回呼 URL 時，請輸入 %1 到 %2 位元組的密鑰：接收端以它驗證簽章。</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>選項(&amp;O)</translation>
    </message>
    <message>
        <source>Priority, timeout and a callback for this execution only.</source>
        <translation>僅適用於這次執行的優先順序、逾時與回呼。</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>優先順序(&amp;P)：</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自訂</translation>
    </message>
    <message>
        <source>In a flow that queues its executions, higher priorities run first; -100 to 100.</source>
        <translation>在會將執行排入佇列的流程中，優先順序較高者先執行；範圍 -100 到 100。</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>逾時(&amp;T)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The flow&apos;s own</source>
        <translation>依流程設定</translation>
    </message>
    <message>
        <source>At most the flow&apos;s %1 s.</source>
        <translation>最多為流程設定的 %1 秒。</translation>
    </message>
    <message>
        <source>Callback &amp;URL:</source>
        <translation>回呼 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>https://example.com/hook: told when the execution ends</source>
        <translation>https://example.com/hook：執行結束時通知</translation>
    </message>
    <message>
        <source>Callback &amp;secret:</source>
        <translation>回呼密鑰(&amp;S)：</translation>
    </message>
    <message>
        <source>signs the callback; not shown again</source>
        <translation>用於簽署回呼；不會再次顯示</translation>
    </message>
</context>
<context>
    <name>hm::app::UserDialog</name>
    <message>
        <source>See flows, executions and components</source>
        <translation>檢視工作流程、執行與元件</translation>
    </message>
    <message>
        <source>Own account: password, two-factor, sessions</source>
        <translation>自己的帳號：密碼、雙重驗證、工作階段</translation>
    </message>
    <message>
        <source>Create, edit, publish and share flows</source>
        <translation>建立、編輯、發布與分享工作流程</translation>
    </message>
    <message>
        <source>Run, cancel and re-run executions</source>
        <translation>執行、取消與重新執行</translation>
    </message>
    <message>
        <source>Create and revoke own API keys</source>
        <translation>建立與撤銷自己的 API 金鑰</translation>
    </message>
    <message>
        <source>API keys with administration access</source>
        <translation>具管理權限的 API 金鑰</translation>
    </message>
    <message>
        <source>Register components</source>
        <translation>註冊元件</translation>
    </message>
    <message>
        <source>Manage users, roles and lockouts</source>
        <translation>管理使用者、角色與鎖定</translation>
    </message>
    <message>
        <source>Server settings, audit and logs</source>
        <translation>伺服器設定、稽核與日誌</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新增使用者</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>編輯使用者 %1</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>使用者名稱：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>電子郵件：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>全名：</translation>
    </message>
    <message>
        <source>Initial password:</source>
        <translation>初始密碼：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>依伺服器的密碼原則檢查</translation>
    </message>
    <message>
        <source>A suspended user cannot sign in, and their sessions end.</source>
        <translation>停權的使用者無法登入，其工作階段也會結束。</translation>
    </message>
    <message>
        <source>What each role may do (the selected role is highlighted):</source>
        <translation>各角色可執行的操作（所選角色以粗體標示）：</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>建立使用者</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允許</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>不允許</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>這不是電子郵件地址。</translation>
    </message>
    <message>
        <source>3-64 letters of any script, digits, _ . -</source>
        <translation>3–64 個任何文字的字母、數字、_ . -</translation>
    </message>
    <message>
        <source>A username has 3 to 64 characters: letters of any script (such as 王, é or ж), digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;. Accented Latin, Greek and Cyrillic letters count as one letter; other scripts may use their combining marks. Latin, Greek and Cyrillic letters cannot be mixed in one username. Spaces and invisible characters are not allowed. Case does not matter: &quot;Σοφία&quot; and &quot;σοφία&quot; are the same username.</source>
        <translation>使用者名稱由 3 到 64 個字元組成：任何文字的字母（例如 王、é 或 ж）、數字、「_」、「.」和「-」。帶重音的拉丁、希臘和西里爾字母算作一個字母；其他文字可以使用其組合符號。同一個使用者名稱中不能混用拉丁、希臘和西里爾字母。不允許空格和不可見字元。不區分大小寫：「Σοφία」和「σοφία」是同一個使用者名稱。</translation>
    </message>
    <message>
        <source>Latin, Greek and Cyrillic letters cannot be mixed in one username (they have look-alikes such as Latin &quot;a&quot; and Cyrillic &quot;а&quot;).</source>
        <translation>同一個使用者名稱中不能混用拉丁、希臘和西里爾字母（它們有外觀相似的字母，例如拉丁字母「a」和西里爾字母「а」）。</translation>
    </message>
    <message>
        <source>3 to 64 letters of any script, digits, &quot;_&quot;, &quot;.&quot; or &quot;-&quot;; no spaces or invisible characters.</source>
        <translation>3 到 64 個任何文字的字母、數字、「_」、「.」或「-」；不可含空格或不可見字元。</translation>
    </message>
    <message>
        <source>Must choose a new password at the first sign-in</source>
        <translation>首次登入時必須設定新密碼</translation>
    </message>
    <message>
        <source>Until then the account can do nothing but change its password, so the password you hand over stops working.</source>
        <translation>在此之前，此帳號只能變更密碼，因此您交付的密碼將會失效。</translation>
    </message>
    <message>
        <source>A user needs an e-mail address.</source>
        <translation>使用者需要電子郵件地址。</translation>
    </message>
    <message>
        <source>Set a first password.</source>
        <translation>請設定初始密碼。</translation>
    </message>
</context>
<context>
    <name>hm::app::UserListModel</name>
    <message>
        <source>%1, locked until %2</source>
        <translation>%1，鎖定至 %2</translation>
    </message>
    <message>
        <source>On</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>未啟用</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation>雙重驗證</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登入</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
</context>
<context>
    <name>hm::app::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登入：%1（%2）</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>目前無人登入</translation>
    </message>
    <message>
        <source>My account...</source>
        <translation>我的帳號…</translation>
    </message>
    <message>
        <source>Profile, password, two-factor authentication and sessions.</source>
        <translation>個人資料、密碼、雙重驗證與工作階段。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Users (read-only)</source>
        <translation>使用者（唯讀）</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 金鑰</translation>
    </message>
    <message>
        <source>Node grants</source>
        <translation>節點授權</translation>
    </message>
</context>
<context>
    <name>hm::app::UsersPanel</name>
    <message>
        <source>More users could not be read: %1</source>
        <translation>無法讀取更多使用者：%1</translation>
    </message>
    <message>
        <source>Search username, name or e-mail</source>
        <translation>搜尋使用者名稱、姓名或電子郵件</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>所有角色</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <source>New user...</source>
        <translation>新增使用者…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除鎖定</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>重設密碼…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Read-only: nobody is signed in.</source>
        <translation>唯讀：目前無人登入。</translation>
    </message>
    <message>
        <source>Read-only: only administrators can see and manage users. You are signed in as %1, so this list is not loaded and its actions are off. Your own account and API keys are in &quot;My account&quot; and the API keys tab.</source>
        <translation>唯讀：只有管理員可以檢視與管理使用者。您目前的身分是%1，因此不會載入此清單，相關操作也已停用。您自己的帳號與 API 金鑰請見「我的帳號」與「API 金鑰」分頁。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>請先選取使用者。</translation>
    </message>
    <message>
        <source>Create a user and choose their role.</source>
        <translation>建立使用者並選擇其角色。</translation>
    </message>
    <message>
        <source>Change e-mail, name, role and status.</source>
        <translation>變更電子郵件、姓名、角色與狀態。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新啟用</translation>
    </message>
    <message>
        <source>Suspend...</source>
        <translation>停權…</translation>
    </message>
    <message>
        <source>You cannot suspend yourself.</source>
        <translation>您無法將自己停權。</translation>
    </message>
    <message>
        <source>Let the user sign in again.</source>
        <translation>讓使用者可以再次登入。</translation>
    </message>
    <message>
        <source>Stop the user signing in and end their sessions.</source>
        <translation>禁止使用者登入並結束其工作階段。</translation>
    </message>
    <message>
        <source>Clear the lockout after failed sign-ins.</source>
        <translation>解除登入失敗造成的鎖定。</translation>
    </message>
    <message>
        <source>Clear failed sign-in counts (the user is not locked now).</source>
        <translation>清除登入失敗次數（使用者目前未被鎖定）。</translation>
    </message>
    <message>
        <source>Set a new password for the user.</source>
        <translation>為使用者設定新密碼。</translation>
    </message>
    <message>
        <source>You cannot delete yourself.</source>
        <translation>您無法刪除自己。</translation>
    </message>
    <message>
        <source>Delete the user; their sessions and API keys end.</source>
        <translation>刪除使用者；其工作階段與 API 金鑰都會失效。</translation>
    </message>
    <message>
        <source>Loading users...</source>
        <translation>正在載入使用者…</translation>
    </message>
    <message>
        <source>The users could not be read: %1</source>
        <translation>無法讀取使用者：%1</translation>
    </message>
    <message>
        <source>No user matches these filters.</source>
        <translation>沒有符合這些篩選條件的使用者。</translation>
    </message>
    <message>
        <source>No user matches &quot;%1&quot;.</source>
        <translation>沒有符合「%1」的使用者。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s) shown</source>
        <translation>
            <numerusform>已顯示 %1／%n 位使用者</numerusform>
        </translation>
    </message>
    <message>
        <source>The status was not changed: %1</source>
        <translation>狀態未變更：%1</translation>
    </message>
    <message>
        <source>Suspend user</source>
        <translation>停權使用者</translation>
    </message>
    <message>
        <source>Suspend %1? They cannot sign in until reactivated, and their sessions end now.</source>
        <translation>要將 %1 停權嗎？在重新啟用前無法登入，其工作階段也會立即結束。</translation>
    </message>
    <message>
        <source>The user was not unlocked: %1</source>
        <translation>使用者未解除鎖定：%1</translation>
    </message>
    <message>
        <source>The password was not reset: %1</source>
        <translation>密碼未重設：%1</translation>
    </message>
    <message>
        <source>The password was reset.</source>
        <translation>密碼已重設。</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>刪除使用者</translation>
    </message>
    <message>
        <source>Delete %1? Their sessions and API keys end at once. This cannot be undone.</source>
        <translation>要刪除 %1 嗎？其工作階段與 API 金鑰會立即失效。此操作無法復原。</translation>
    </message>
    <message>
        <source>The user was not deleted: %1</source>
        <translation>使用者未刪除：%1</translation>
    </message>
    <message>
        <source>The users cannot be shown</source>
        <translation>無法顯示使用者</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>再試一次(&amp;T)</translation>
    </message>
    <message>
        <source>No users match</source>
        <translation>沒有符合的使用者</translation>
    </message>
    <message>
        <source>No user has this role and status.</source>
        <translation>沒有使用者符合此角色與狀態。</translation>
    </message>
    <message>
        <source>No user&apos;s name or e-mail has “%1”.</source>
        <translation>沒有使用者的名稱或電子郵件包含「%1」。</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>清除篩選條件(&amp;C)</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>停權</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::VpnPage</name>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard servers and the clients that connect to them.</source>
        <translation>WireGuard 伺服器與連線到它們的用戶端。</translation>
    </message>
    <message>
        <source>Search name, interface or description</source>
        <translation>搜尋名稱、介面或說明</translation>
    </message>
    <message>
        <source>New server...</source>
        <translation>新增伺服器…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a server first.</source>
        <translation>請先選擇伺服器。</translation>
    </message>
    <message>
        <source>A new WireGuard server: its interface, port and subnets.</source>
        <translation>新增 WireGuard 伺服器：其介面、連接埠與子網路。</translation>
    </message>
    <message>
        <source>Change the server&apos;s settings; a running server is re-synced.</source>
        <translation>變更伺服器設定；執行中的伺服器會重新同步。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>啟動</translation>
    </message>
    <message>
        <source>Take the interface down; its clients are cut off.</source>
        <translation>關閉介面；其用戶端將中斷連線。</translation>
    </message>
    <message>
        <source>Bring the interface up with its enabled clients.</source>
        <translation>啟動介面及其已啟用的用戶端。</translation>
    </message>
    <message>
        <source>Delete the server and all its clients.</source>
        <translation>刪除伺服器及其所有用戶端。</translation>
    </message>
    <message>
        <source>Sign in to see the WireGuard servers</source>
        <translation>登入後即可查看 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>Loading WireGuard servers...</source>
        <translation>正在載入 WireGuard 伺服器…</translation>
    </message>
    <message>
        <source>The WireGuard servers could not be read</source>
        <translation>無法讀取 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>No server matches</source>
        <translation>沒有符合的伺服器</translation>
    </message>
    <message>
        <source>No WireGuard server has &quot;%1&quot; in its name, interface or description.</source>
        <translation>沒有任何 WireGuard 伺服器的名稱、介面或說明包含「%1」。</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜尋</translation>
    </message>
    <message>
        <source>No WireGuard servers yet</source>
        <translation>尚無 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>A WireGuard server is a VPN interface on the HiveMind server&apos;s machine. Create one, then add a client for each device that connects: the console shows its config and a QR code to scan.</source>
        <translation>WireGuard 伺服器是 HiveMind 伺服器所在機器上的 VPN 介面。先建立一個，再為每個要連線的裝置新增用戶端：主控台會顯示其設定與可供掃描的 QR 碼。</translation>
    </message>
    <message numerus="yes">
        <source>%n WireGuard server(s), %1 running</source>
        <translation>
            <numerusform>%n 個 WireGuard 伺服器，%1 個執行中</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was not stopped: %1</source>
        <translation>伺服器未停止：%1</translation>
    </message>
    <message>
        <source>The server was not started: %1</source>
        <translation>伺服器未啟動：%1</translation>
    </message>
    <message>
        <source>Delete WireGuard server</source>
        <translation>刪除 WireGuard 伺服器</translation>
    </message>
    <message numerus="yes">
        <source>Delete &quot;%1&quot; and its %n client(s)? A running interface is taken down; the clients&apos; configs stop working. This cannot be undone.</source>
        <translation>
            <numerusform>要刪除「%1」及其 %n 個用戶端嗎？執行中的介面會被關閉，用戶端的設定將失效。此操作無法復原。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was not deleted: %1</source>
        <translation>伺服器未刪除：%1</translation>
    </message>
    <message>
        <source>WireGuard</source>
        <translation>WireGuard</translation>
    </message>
    <message>
        <source>IPv6 pools</source>
        <translation>IPv6 集區</translation>
    </message>
    <message>
        <source>BGP</source>
        <translation>BGP</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <source>A server from an existing wg-quick file (such as wg0.conf) with its peers.</source>
        <translation>從現有的 wg-quick 檔案（例如 wg0.conf）建立伺服器及其對等端。</translation>
    </message>
    <message>
        <source>Import a WireGuard server</source>
        <translation>匯入 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>WireGuard configs (*.conf)</source>
        <translation>WireGuard 設定檔 (*.conf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>無法讀取檔案：%1</translation>
    </message>
    <message>
        <source>The file is larger than 1 MiB: it is not a wg-quick server file.</source>
        <translation>檔案大於 1 MiB：不是 wg-quick 伺服器設定檔。</translation>
    </message>
    <message>
        <source>IPv6 prefix pools and the prefixes delegated from them.</source>
        <translation>IPv6 前綴集區及由其委派的前綴。</translation>
    </message>
    <message>
        <source>BGP sessions through BIRD, their routes and the prefixes announced.</source>
        <translation>經由 BIRD 的 BGP 工作階段、其路由及公告的前綴。</translation>
    </message>
    <message>
        <source>Stop WireGuard server</source>
        <translation>停止 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>Stop &quot;%1&quot;? Its interface %2 goes down and every client connected through it loses its tunnel until the server is started again.</source>
        <translation>要停止「%1」嗎？其介面 %2 會關閉，在伺服器重新啟動之前，透過它連線的每個用戶端都會失去通道。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::WebhookDialog</name>
    <message>
        <source>Regenerate Webhook URL</source>
        <translation>重新產生 Webhook URL</translation>
    </message>
    <message>
        <source>Regenerate the webhook URL of “%1”? The current URL stops working at once: every system that calls it needs the new one.</source>
        <translation>要重新產生「%1」的 Webhook URL 嗎？目前的 URL 會立即失效：所有呼叫它的系統都需要改用新的 URL。</translation>
    </message>
    <message>
        <source>Remove Webhook</source>
        <translation>移除 Webhook</translation>
    </message>
    <message>
        <source>Remove the webhook of “%1”? Its URL stops working at once.</source>
        <translation>要移除「%1」的 Webhook 嗎？其 URL 會立即失效。</translation>
    </message>
    <message>
        <source>Reading the webhook…</source>
        <translation>正在讀取 Webhook…</translation>
    </message>
    <message>
        <source>This flow has no webhook.</source>
        <translation>此流程沒有 Webhook。</translation>
    </message>
    <message>
        <source>This flow has a webhook. Its URL was shown when it was created and cannot be shown again; regenerate it to get a new one.</source>
        <translation>此流程已有 Webhook。其 URL 只在建立時顯示過，無法再次顯示；請重新產生以取得新的 URL。</translation>
    </message>
    <message>
        <source>Copy the URL now: it is not shown again. A POST with a JSON body starts the published version with the body as its inputs.</source>
        <translation>請立即複製此 URL：它不會再次顯示。以 JSON 內容送出 POST 請求，即會以該內容作為輸入啟動已發布的版本。</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（已隱藏）</translation>
    </message>
    <message>
        <source>&amp;Regenerate URL</source>
        <translation>重新產生 URL(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Create Webhook</source>
        <translation>建立 Webhook(&amp;C)</translation>
    </message>
    <message>
        <source>Webhook of “%1”</source>
        <translation>「%1」的 Webhook</translation>
    </message>
    <message>
        <source>A webhook lets systems that can only call a URL (CI, chat, monitoring) start this flow without signing in. Whoever knows the URL can run the flow.</source>
        <translation>Webhook 讓只能呼叫 URL 的系統（CI、聊天、監控）不需登入即可啟動此流程。任何知道此 URL 的人都能執行此流程。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Re&amp;move Webhook</source>
        <translation>移除 Webhook(&amp;M)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新產生</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientDetail</name>
    <message>
        <source>No traffic in this period.</source>
        <translation>此期間沒有流量。</translation>
    </message>
    <message>
        <source>No traffic in this period.
A longer range may show older traffic.</source>
        <translation>此期間沒有流量。
選擇較長的範圍可查看較早的流量。</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>範圍(&amp;R)：</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小時</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小時</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>最近 1 年</translation>
    </message>
    <message>
        <source>The period the chart shows; longer periods are drawn from coarser buckets (a minute, 15 minutes, an hour).</source>
        <translation>圖表顯示的期間；期間越長，彙總的時間區間越粗（1 分鐘、15 分鐘、1 小時）。</translation>
    </message>
    <message>
        <source>Connected from</source>
        <translation>連線來源</translation>
    </message>
    <message>
        <source>The addresses the client&apos;s packets came from, most recently seen first.</source>
        <translation>用戶端封包的來源位址，最近出現的排在最前。</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Traffic of %1</source>
        <translation>%1 的流量</translation>
    </message>
    <message>
        <source>Traffic of all clients of %1</source>
        <translation>%1 所有用戶端的流量</translation>
    </message>
    <message>
        <source>Select a server to see its traffic.</source>
        <translation>選取伺服器以檢視其流量。</translation>
    </message>
    <message>
        <source>The traffic could not be read: %1</source>
        <translation>無法讀取流量：%1</translation>
    </message>
    <message>
        <source>Reading the traffic…</source>
        <translation>正在讀取流量…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>In this period: received %1, sent %2 · Since it was made: received %3, sent %4</source>
        <translation>此期間：已接收 %1，已傳送 %2 · 建立以來：已接收 %3，已傳送 %4</translation>
    </message>
    <message>
        <source>Received: what the server received from the client (its upload). Sent: what the server sent to it (its download).</source>
        <translation>已接收：伺服器從用戶端收到的資料（用戶端的上傳）。已傳送：伺服器傳給用戶端的資料（用戶端的下載）。</translation>
    </message>
    <message>
        <source>Select a client to see where it connected from.</source>
        <translation>選取用戶端以檢視其連線來源。</translation>
    </message>
    <message>
        <source>The endpoints could not be read: %1</source>
        <translation>無法讀取端點：%1</translation>
    </message>
    <message>
        <source>Reading the endpoints…</source>
        <translation>正在讀取端點…</translation>
    </message>
    <message>
        <source>Not connected yet: no endpoint seen.</source>
        <translation>尚未連線：未見過任何端點。</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientDialog</name>
    <message>
        <source>WireGuard client created</source>
        <translation>已建立 WireGuard 用戶端</translation>
    </message>
    <message>
        <source>New WireGuard client</source>
        <translation>新增 WireGuard 用戶端</translation>
    </message>
    <message>
        <source>A client of &quot;%1&quot;. The server makes its keys; addresses left empty are the lowest free ones of the server&apos;s subnets.</source>
        <translation>「%1」的用戶端。金鑰由伺服器產生；留空的位址會使用伺服器子網路中最小的可用位址。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Address &amp;family:</source>
        <translation>位址類型(&amp;F)：</translation>
    </message>
    <message>
        <source>IPv&amp;4 address:</source>
        <translation>IPv4 位址(&amp;4)：</translation>
    </message>
    <message>
        <source>IPv&amp;6 address:</source>
        <translation>IPv6 位址(&amp;6)：</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>DNS 伺服器(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>保持連線間隔(&amp;K)：</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>到期時間(&amp;X)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>說明(&amp;E)：</translation>
    </message>
    <message>
        <source>Empty: the lowest free one of %1</source>
        <translation>留空：使用 %1 中最小的可用位址</translation>
    </message>
    <message>
        <source>Empty: the server&apos;s DNS servers</source>
        <translation>留空：使用伺服器的 DNS 伺服器</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The server&apos;s</source>
        <translation>沿用伺服器設定</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>設定到期時間</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created. Set up the device now: the server shows this config once, and again only to an administrator.</source>
        <translation>已建立「%1」。請立即設定裝置：伺服器只會顯示這份設定一次，之後僅管理員可再次查看。</translation>
    </message>
    <message>
        <source>A client needs a name.</source>
        <translation>用戶端需要名稱。</translation>
    </message>
    <message>
        <source>One IPv4 address of the server&apos;s subnet, e.g. 10.8.0.9.</source>
        <translation>伺服器子網路中的一個 IPv4 位址，例如 10.8.0.9。</translation>
    </message>
    <message>
        <source>One IPv6 address of the server&apos;s subnet, e.g. fd00:8::9.</source>
        <translation>伺服器子網路中的一個 IPv6 位址，例如 fd00:8::9。</translation>
    </message>
    <message>
        <source>IP addresses only, comma separated.</source>
        <translation>僅限 IP 位址，以逗號分隔。</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>到期時間必須在未來。</translation>
    </message>
    <message>
        <source>Edit WireGuard client</source>
        <translation>編輯 WireGuard 用戶端</translation>
    </message>
    <message>
        <source>&quot;%1&quot;, a client of &quot;%2&quot;. Its keys and addresses stay as they are.</source>
        <translation>「%1」，「%2」的用戶端。其金鑰與位址維持不變。</translation>
    </message>
    <message>
        <source>Ena&amp;bled:</source>
        <translation>啟用(&amp;B)：</translation>
    </message>
    <message>
        <source>The client may connect</source>
        <translation>允許此用戶端連線</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Confirmation:</source>
        <translation>確認：</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientModel</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Latest handshake</source>
        <translation>最近交握</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已傳送</translation>
    </message>
    <message>
        <source>What the server received from the client (its upload) since the client was last added to the running interface.</source>
        <translation>自用戶端最近一次加入執行中的介面以來，伺服器從它收到的資料（用戶端的上傳）。</translation>
    </message>
    <message>
        <source>What the server sent to the client (its download) since the client was last added to the running interface.</source>
        <translation>自用戶端最近一次加入執行中的介面以來，伺服器傳給它的資料（用戶端的下載）。</translation>
    </message>
    <message>
        <source>Everything the server received from the client since it was made, kept across restarts.</source>
        <translation>自用戶端建立以來伺服器從它收到的全部資料，重新啟動後仍保留。</translation>
    </message>
    <message>
        <source>Everything the server sent to the client since it was made, kept across restarts.</source>
        <translation>自用戶端建立以來伺服器傳給它的全部資料，重新啟動後仍保留。</translation>
    </message>
    <message>
        <source>Total received</source>
        <translation>累計接收</translation>
    </message>
    <message>
        <source>Total sent</source>
        <translation>累計傳送</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientsPane</name>
    <message>
        <source>The clients could not be read: %1</source>
        <translation>無法讀取用戶端：%1</translation>
    </message>
    <message>
        <source>Clients of %1</source>
        <translation>%1 的用戶端</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>New client...</source>
        <translation>新增用戶端…</translation>
    </message>
    <message>
        <source>Show config / QR...</source>
        <translation>顯示設定 / QR 碼…</translation>
    </message>
    <message>
        <source>Delete client...</source>
        <translation>刪除用戶端…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>請先登入。</translation>
    </message>
    <message>
        <source>Select a client first.</source>
        <translation>請先選擇用戶端。</translation>
    </message>
    <message>
        <source>Select a server first.</source>
        <translation>請先選擇伺服器。</translation>
    </message>
    <message>
        <source>A new client of this server: keys, addresses and its config.</source>
        <translation>為此伺服器新增用戶端：金鑰、位址與設定。</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>啟用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Leave the client out of the interface; its keys and addresses stay.</source>
        <translation>將用戶端排除在介面之外；其金鑰與位址保留。</translation>
    </message>
    <message>
        <source>Let the client connect again.</source>
        <translation>允許用戶端再次連線。</translation>
    </message>
    <message>
        <source>The client&apos;s config with its private key, as text and QR code.</source>
        <translation>含私密金鑰的用戶端設定，以文字與 QR 碼顯示。</translation>
    </message>
    <message>
        <source>Delete the client; its addresses are free again.</source>
        <translation>刪除用戶端；其位址可再次分配。</translation>
    </message>
    <message>
        <source>The client was not changed: %1</source>
        <translation>用戶端未變更：%1</translation>
    </message>
    <message>
        <source>The config could not be read: %1</source>
        <translation>無法讀取設定：%1</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>刪除用戶端</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its device can no longer connect, and its config stops working. This cannot be undone.</source>
        <translation>要刪除「%1」嗎？其裝置將無法再連線，設定也會失效。此操作無法復原。</translation>
    </message>
    <message>
        <source>The client was not deleted: %1</source>
        <translation>用戶端未刪除：%1</translation>
    </message>
    <message>
        <source>Edit client...</source>
        <translation>編輯用戶端…</translation>
    </message>
    <message>
        <source>Change the client&apos;s name, DNS, keepalive, expiry or description.</source>
        <translation>變更用戶端的名稱、DNS、保持連線間隔、到期時間或說明。</translation>
    </message>
    <message>
        <source>Imported without its private key: its owner keeps its config</source>
        <translation>匯入時沒有私密金鑰：設定檔由其擁有者保管</translation>
    </message>
    <message>
        <source>Share link...</source>
        <translation>分享連結…</translation>
    </message>
    <message>
        <source>A one-time link to the client&apos;s config for its owner; it expires.</source>
        <translation>給擁有者的一次性用戶端設定連結；會過期。</translation>
    </message>
    <message>
        <source>No clients yet</source>
        <translation>尚無用戶端</translation>
    </message>
    <message>
        <source>Add one for each device that connects: a phone, a laptop, a router. Each gets its own keys and addresses, and a config to import or scan.</source>
        <translation>為每台連線的裝置新增一個：手機、筆電、路由器。每個用戶端都有自己的金鑰與位址，以及可匯入或掃描的設定。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfigDialog</name>
    <message>
        <source>WireGuard config of %1</source>
        <translation>%1 的 WireGuard 設定</translation>
    </message>
    <message>
        <source>The WireGuard config of &quot;%1&quot; for its device.</source>
        <translation>「%1」的裝置所用的 WireGuard 設定。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfigView</name>
    <message>
        <source>Save WireGuard config</source>
        <translation>儲存 WireGuard 設定</translation>
    </message>
    <message>
        <source>WireGuard configs (*.conf)</source>
        <translation>WireGuard 設定檔 (*.conf)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已儲存至 %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>已複製。剪貼簿將在 %n 秒後清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>This config holds the client&apos;s private key. Anyone who has it can connect as this client: give it only to the device&apos;s owner, and do not send it by e-mail or chat.</source>
        <translation>此設定包含用戶端的私密金鑰。任何取得它的人都能以此用戶端的身分連線：只交給裝置的擁有者，也不要透過電子郵件或聊天訊息傳送。</translation>
    </message>
    <message>
        <source>Scan with the WireGuard app on a phone or tablet.</source>
        <translation>使用手機或平板上的 WireGuard 應用程式掃描。</translation>
    </message>
    <message>
        <source>Save config...</source>
        <translation>儲存設定…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message numerus="yes">
        <source>Copies the config; the clipboard is cleared again after %n second(s).</source>
        <translation>
            <numerusform>複製設定；剪貼簿會在 %n 秒後再次清除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfirmBox</name>
    <message>
        <source>Roll back unless confirmed within</source>
        <translation>除非在此時間內確認，否則復原：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>...or when this client connects again:</source>
        <translation>…或此用戶端再次連線時確認：</translation>
    </message>
    <message>
        <source>A handshake of the client after the change proves the new settings carry its tunnel, such as after a new port.</source>
        <translation>變更後此用戶端的交握證明新設定能承載其通道，例如更換連接埠後。</translation>
    </message>
    <message>
        <source>The server has no clients yet.</source>
        <translation>此伺服器還沒有用戶端。</translation>
    </message>
    <message>
        <source>Without confirmation the previous settings come back by themselves: use &quot;Keep changes&quot; on the VPN page once you know you can still reach the server.</source>
        <translation>未確認時，先前的設定會自動復原：確定仍能連到伺服器後，在 VPN 頁面按「保留變更」。</translation>
    </message>
</context>
<context>
    <name>hm::app::WgEndpointModel</name>
    <message>
        <source>Endpoint</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出現</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最後出現</translation>
    </message>
</context>
<context>
    <name>hm::app::WgImportDialog</name>
    <message>
        <source>Import WireGuard server</source>
        <translation>匯入 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>The file&apos;s [Interface] becomes a new server and each [Peer] one of its clients. The clients&apos; private keys stay on their devices: their configs cannot be shown here. Hooks and routed prefixes are not imported.</source>
        <translation>檔案的 [Interface] 會成為新的伺服器，每個 [Peer] 成為它的一個用戶端。用戶端的私密金鑰留在各自的裝置上：這裡無法顯示它們的設定檔。掛鉤指令與路由前綴不會匯入。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>介面(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint host:</source>
        <translation>端點主機(&amp;E)：</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;.</source>
        <translation>1 到 15 個 a-z、A-Z、0-9、「_」、「=」、「+」、「.」或「-」字元。</translation>
    </message>
    <message>
        <source>Empty: the host of the server&apos;s public address</source>
        <translation>留空：使用伺服器公開位址的主機</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>位址類型</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Preshared key</source>
        <translation>預共用金鑰</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>未匯入：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A server needs a name.</source>
        <translation>伺服器需要名稱。</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;; no spaces.</source>
        <translation>1 到 15 個 a-z、A-Z、0-9、「_」、「=」、「+」、「.」或「-」字元；不可有空格。</translation>
    </message>
    <message>
        <source>Checking the file with the server...</source>
        <translation>正在由伺服器檢查檔案…</translation>
    </message>
    <message>
        <source>The file cannot be imported as it is.</source>
        <translation>此檔案無法照原樣匯入。</translation>
    </message>
    <message>
        <source>Fill in the fields to see what the file holds.</source>
        <translation>填寫欄位後即可看到檔案的內容。</translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s) become clients of the new server &quot;%1&quot; on %2, port %3.</source>
        <translation>
            <numerusform>%n 個對等端會成為新伺服器「%1」（%2，連接埠 %3）的用戶端。</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Nothing: every field of the file is imported.</source>
        <translation>無：檔案的每個欄位都會匯入。</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>無法匯入此檔案：%1</translation>
    </message>
    <message>
        <source>[Interface]: the DNS search domains are not imported.</source>
        <translation>[Interface]：DNS 搜尋網域不會匯入。</translation>
    </message>
    <message>
        <source>[Interface]: Table is not imported.</source>
        <translation>[Interface]：Table 不會匯入。</translation>
    </message>
    <message>
        <source>[Interface]: FwMark is not imported.</source>
        <translation>[Interface]：FwMark 不會匯入。</translation>
    </message>
    <message>
        <source>[Interface]: SaveConfig is not imported.</source>
        <translation>[Interface]：SaveConfig 不會匯入。</translation>
    </message>
    <message>
        <source>[Interface]: the %1 hooks are not imported (the server never runs commands from an imported file).</source>
        <translation>[Interface]：%1 掛鉤指令不會匯入（伺服器絕不執行匯入檔案中的指令）。</translation>
    </message>
    <message>
        <source>Peer %1: the name in its comment cannot be used; it is named %2.</source>
        <translation>Peer %1：其註解中的名稱無法使用，改命名為 %2。</translation>
    </message>
    <message>
        <source>Peer %1 (%2): the routed prefixes %3 are not imported (a client holds only its own addresses).</source>
        <translation>Peer %1（%2）：路由前綴 %3 不會匯入（用戶端只持有自己的位址）。</translation>
    </message>
    <message>
        <source>Peer %1 (%2): its Endpoint is not imported (the client connects to the server).</source>
        <translation>Peer %1（%2）：其 Endpoint 不會匯入（由用戶端連線到伺服器）。</translation>
    </message>
</context>
<context>
    <name>hm::app::WgPendingBanner</name>
    <message>
        <source>server #%1</source>
        <translation>伺服器 #%1</translation>
    </message>
    <message>
        <source>client #%1</source>
        <translation>用戶端 #%1</translation>
    </message>
    <message>
        <source>Keep changes</source>
        <translation>保留變更</translation>
    </message>
    <message>
        <source>Only administrators confirm changes.</source>
        <translation>只有管理員可以確認變更。</translation>
    </message>
    <message>
        <source>Changes to server &quot;%1&quot; roll back at %2 unless confirmed (%3 left).</source>
        <translation>伺服器「%1」的變更將於 %2 復原，除非先確認（剩餘 %3）。</translation>
    </message>
    <message>
        <source>Changes to client &quot;%1&quot; roll back at %2 unless confirmed (%3 left).</source>
        <translation>用戶端「%1」的變更將於 %2 復原，除非先確認（剩餘 %3）。</translation>
    </message>
    <message>
        <source>A new handshake of the chosen client confirms it too.</source>
        <translation>所選用戶端的新交握也會確認此變更。</translation>
    </message>
    <message>
        <source>Not confirmed: %1</source>
        <translation>未確認：%1</translation>
    </message>
    <message>
        <source>Confirming...</source>
        <translation>正在確認…</translation>
    </message>
    <message>
        <source>Confirm this change: it stays and is no longer rolled back.</source>
        <translation>確認此變更：變更會保留，不再復原。</translation>
    </message>
    <message>
        <source>Keep all (%1)</source>
        <translation>全部保留（%1）</translation>
    </message>
    <message>
        <source>Confirm every change shown: they all stay.</source>
        <translation>確認所有顯示的變更：全部保留。</translation>
    </message>
</context>
<context>
    <name>hm::app::WgServerDialog</name>
    <message>
        <source>Edit WireGuard server</source>
        <translation>編輯 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>New WireGuard server</source>
        <translation>新增 WireGuard 伺服器</translation>
    </message>
    <message>
        <source>Change &quot;%1&quot;. A running server is re-synced; its clients keep their keys and addresses.</source>
        <translation>變更「%1」。執行中的伺服器會重新同步；其用戶端保留原本的金鑰與位址。</translation>
    </message>
    <message>
        <source>The server makes the key pair; its private key never leaves it. Give it an IPv4 subnet, an IPv6 subnet or both: clients get their addresses from them.</source>
        <translation>金鑰對由伺服器產生，私密金鑰不會離開伺服器。請指定 IPv4 子網路、IPv6 子網路或兩者：用戶端的位址從中分配。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>介面(&amp;I)：</translation>
    </message>
    <message>
        <source>Listen &amp;port:</source>
        <translation>監聽連接埠(&amp;P)：</translation>
    </message>
    <message>
        <source>IPv&amp;4 address/prefix:</source>
        <translation>IPv4 位址/前綴(&amp;4)：</translation>
    </message>
    <message>
        <source>IPv&amp;6 address/prefix:</source>
        <translation>IPv6 位址/前綴(&amp;6)：</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>DNS 伺服器(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;MTU:</source>
        <translation>MTU 值(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>保持連線間隔(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint host:</source>
        <translation>端點主機(&amp;E)：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>啟動：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>說明(&amp;E)：</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;.</source>
        <translation>1 到 15 個 a-z、A-Z、0-9、「_」、「=」、「+」、「.」或「-」字元。</translation>
    </message>
    <message>
        <source>e.g. 10.8.0.1/24 (empty: none)</source>
        <translation>例如 10.8.0.1/24（留空：無）</translation>
    </message>
    <message>
        <source>e.g. fd00:8::1/64 (empty: none)</source>
        <translation>例如 fd00:8::1/64（留空：無）</translation>
    </message>
    <message>
        <source>Comma separated, e.g. 1.1.1.1, 2606:4700:4700::1111</source>
        <translation>以逗號分隔，例如 1.1.1.1, 2606:4700:4700::1111</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Empty: the host of the server&apos;s public address</source>
        <translation>留空：使用伺服器公開位址的主機</translation>
    </message>
    <message>
        <source>Start with the HiveMind server</source>
        <translation>隨 HiveMind 伺服器一起啟動</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>選填</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A server needs a name.</source>
        <translation>伺服器需要名稱。</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;; no spaces.</source>
        <translation>1 到 15 個 a-z、A-Z、0-9、「_」、「=」、「+」、「.」或「-」字元；不可有空格。</translation>
    </message>
    <message>
        <source>An IPv4 address with its prefix length, e.g. 10.8.0.1/24.</source>
        <translation>含前綴長度的 IPv4 位址，例如 10.8.0.1/24。</translation>
    </message>
    <message>
        <source>Give an IPv4 subnet, an IPv6 subnet or both.</source>
        <translation>請指定 IPv4 子網路、IPv6 子網路或兩者。</translation>
    </message>
    <message>
        <source>An IPv6 address with its prefix length, e.g. fd00:8::1/64.</source>
        <translation>含前綴長度的 IPv6 位址，例如 fd00:8::1/64。</translation>
    </message>
    <message>
        <source>IP addresses only, comma separated.</source>
        <translation>僅限 IP 位址，以逗號分隔。</translation>
    </message>
    <message>
        <source>Confirmation:</source>
        <translation>確認：</translation>
    </message>
</context>
<context>
    <name>hm::app::WgServerModel</name>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>介面</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>監聽連接埠</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>用戶端</translation>
    </message>
</context>
<context>
    <name>hm::app::WgShareLinkDialog</name>
    <message>
        <source>No link was made: %1</source>
        <translation>未建立連結：%1</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>已複製。剪貼簿將在 %n 秒後清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>The links were not revoked: %1</source>
        <translation>未撤銷連結：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n unused link(s) revoked.</source>
        <translation>
            <numerusform>已撤銷 %n 個未使用的連結。</numerusform>
        </translation>
    </message>
    <message>
        <source>The links could not be read: %1</source>
        <translation>無法讀取連結：%1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已過期</translation>
    </message>
    <message>
        <source>No links yet. A link works once and only until it expires.</source>
        <translation>還沒有連結。連結只能使用一次，且過期後失效。</translation>
    </message>
    <message>
        <source>Links not opened yet stop working; used ones stay listed as a record.</source>
        <translation>尚未開啟的連結將失效；已使用的連結保留在清單中作為紀錄。</translation>
    </message>
    <message>
        <source>No unused link to revoke.</source>
        <translation>沒有可撤銷的未使用連結。</translation>
    </message>
    <message>
        <source>Share link for %1</source>
        <translation>%1 的分享連結</translation>
    </message>
    <message>
        <source>A one-time link to the config of &quot;%1&quot;: its owner opens it in a browser or the WireGuard app and needs no account.</source>
        <translation>「%1」設定的一次性連結：擁有者以瀏覽器或 WireGuard 應用程式開啟，不需要帳號。</translation>
    </message>
    <message>
        <source>Whoever opens this link first gets the client&apos;s private key and can connect as this client. Send it only to the device&apos;s owner; it works once and stops working when it expires.</source>
        <translation>第一個開啟此連結的人會取得用戶端的私密金鑰，並能以此用戶端的身分連線。只傳給裝置的擁有者；連結只能使用一次，過期後即失效。</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>有效期限(&amp;V)：</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 分鐘</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小時</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小時</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>建立連結</translation>
    </message>
    <message>
        <source>Create another link</source>
        <translation>再建立一個連結</translation>
    </message>
    <message>
        <source>The link appears here once it is made.</source>
        <translation>建立後，連結會顯示在這裡。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message numerus="yes">
        <source>Copies the link; the clipboard is cleared again after %n second(s).</source>
        <translation>
            <numerusform>複製連結；剪貼簿會在 %n 秒後再次清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Works once, until %1 (local time). It is not shown again: copy it now.</source>
        <translation>只能使用一次，有效至 %1（本地時間）。連結不會再次顯示：請現在複製。</translation>
    </message>
    <message>
        <source>Links of this client</source>
        <translation>此用戶端的連結</translation>
    </message>
    <message>
        <source>Revoke unused links</source>
        <translation>撤銷未使用的連結</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期時間</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>開啟時間</translation>
    </message>
    <message>
        <source>Opened from</source>
        <translation>開啟來源</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>hm::app::WgTrafficChart</name>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Bytes received and sent</source>
        <translation>接收與傳送的位元組</translation>
    </message>
    <message>
        <source>Bytes received and sent per minute (%1)</source>
        <translation>每分鐘接收與傳送的位元組 (%1)</translation>
    </message>
    <message>
        <source>Bytes received and sent per 15 minutes (%1)</source>
        <translation>每 15 分鐘接收與傳送的位元組 (%1)</translation>
    </message>
    <message>
        <source>Bytes received and sent per hour (%1)</source>
        <translation>每小時接收與傳送的位元組 (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Bytes received and sent per bucket of %n minute(s) (%1)</source>
        <translation>
            <numerusform>每 %n 分鐘接收與傳送的位元組 (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>傳送</translation>
    </message>
</context>
</TS>
