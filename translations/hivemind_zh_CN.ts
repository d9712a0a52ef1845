<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <translation>管理员</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Read and write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Only administrators may create keys with administration access.</source>
        <translation>只有管理员可以创建具有管理权限的密钥。</translation>
    </message>
    <message>
        <source>The server refused this: your role (%1) may not do it. Ask an administrator.</source>
        <translation>服务器拒绝了此操作：您的角色（%1）无权执行。请联系管理员。</translation>
    </message>
    <message>
        <source>The server refused this: your role may not do it. Ask an administrator.</source>
        <translation>服务器拒绝了此操作：您的角色无权执行。请联系管理员。</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended.</source>
        <translation>您尚未登录此服务器，或会话已结束。</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>The new password does not meet the server&apos;s password policy.</source>
        <translation>新密码不符合服务器的密码策略。</translation>
    </message>
    <message>
        <source>The new password does not meet the server&apos;s password policy: %1</source>
        <translation>新密码不符合服务器的密码策略：需要 %1</translation>
    </message>
    <message>
        <source>This e-mail address is already registered.</source>
        <translation>此电子邮件地址已被注册。</translation>
    </message>
    <message>
        <source>This username or e-mail address is already taken.</source>
        <translation>此用户名或电子邮件地址已被占用。</translation>
    </message>
    <message>
        <source>It no longer exists on the server.</source>
        <translation>服务器上已不存在此项。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>尝试次数过多。请稍后再试。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>无法连接到服务器。请检查连接后重试。</translation>
    </message>
    <message>
        <source>The code is wrong or has expired. Enter the code your authenticator app shows now.</source>
        <translation>验证码错误或已过期。请输入身份验证器应用当前显示的验证码。</translation>
    </message>
    <message>
        <source>This would leave the server without an active administrator.</source>
        <translation>这会使服务器没有任何活动的管理员。</translation>
    </message>
    <message>
        <source>The server refused the value of &quot;%1&quot;: %2</source>
        <translation>服务器拒绝了“%1”的值：%2</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>服务器拒绝了该请求：%1</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>at most 256 characters</source>
        <translation>最多 256 个字符</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>一个大写字母</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>一个小写字母</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <source>a symbol such as ! or #</source>
        <translation>一个符号，例如 ! 或 #</translation>
    </message>
    <message>
        <source>Only administrators may do this; you are signed in as %1.</source>
        <translation>只有管理员可以执行此操作；您当前的身份是%1。</translation>
    </message>
    <message>
        <source>Viewers may only look; you are signed in as %1.</source>
        <translation>查看者只能查看；您当前的身份是%1。</translation>
    </message>
</context>
<context>
    <name>AlertText</name>
    <message>
        <source>CPU usage</source>
        <translation>处理器使用率</translation>
    </message>
    <message>
        <source>Memory usage</source>
        <translation>内存使用率</translation>
    </message>
    <message>
        <source>Disk usage</source>
        <translation>磁盘使用率</translation>
    </message>
    <message>
        <source>Load (1 min)</source>
        <translation>负载（1 分钟）</translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation>网络流量</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>超过 %1</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>立即</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>单个节点</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>所有节点</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>触发中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>by itself</source>
        <translation>自动解决</translation>
    </message>
    <message>
        <source>a deleted user</source>
        <translation>已删除的用户</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Probe down</source>
        <translation>探测失败</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>证书到期</translation>
    </message>
    <message>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>down</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>低于 %1</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 失败</translation>
    </message>
    <message>
        <source>%1: certificate under %2</source>
        <translation>%1：证书剩余不足 %2</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
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
        <translation>容器停止运行</translation>
    </message>
    <message>
        <source>Container unhealthy</source>
        <translation>容器不健康</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n 个容器</numerusform>
        </translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <source>any container</source>
        <translation>任意容器</translation>
    </message>
    <message>
        <source>%1 not running</source>
        <translation>%1 未运行</translation>
    </message>
    <message>
        <source>%1 unhealthy</source>
        <translation>%1 不健康</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 及另外 %2 个</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Node created</source>
        <translation>创建节点</translation>
    </message>
    <message>
        <source>Node updated</source>
        <translation>更新节点</translation>
    </message>
    <message>
        <source>Node deleted</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <source>Agent enrolled</source>
        <translation>代理完成注册</translation>
    </message>
    <message>
        <source>New enrolment secret issued</source>
        <translation>签发新的注册密钥</translation>
    </message>
    <message>
        <source>Agent settings changed</source>
        <translation>更改代理设置</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Signed out everywhere</source>
        <translation>从所有设备退出登录</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>账号已锁定</translation>
    </message>
    <message>
        <source>Refresh token reused</source>
        <translation>刷新令牌被重复使用</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Password check failed</source>
        <translation>密码验证失败</translation>
    </message>
    <message>
        <source>Two-factor sign-in on</source>
        <translation>启用双重验证</translation>
    </message>
    <message>
        <source>Two-factor sign-in off</source>
        <translation>停用双重验证</translation>
    </message>
    <message>
        <source>Two-factor code rejected</source>
        <translation>双重验证码被拒绝</translation>
    </message>
    <message>
        <source>Recovery code used</source>
        <translation>已使用恢复码</translation>
    </message>
    <message>
        <source>Recovery codes regenerated</source>
        <translation>已重新生成恢复码</translation>
    </message>
    <message>
        <source>Session revoked</source>
        <translation>撤销会话</translation>
    </message>
    <message>
        <source>All sessions revoked</source>
        <translation>撤销所有会话</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>创建 API 密钥</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>撤销 API 密钥</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>User registered</source>
        <translation>用户注册</translation>
    </message>
    <message>
        <source>User updated</source>
        <translation>更新用户</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>解锁账号</translation>
    </message>
    <message>
        <source>Flow created</source>
        <translation>创建流程</translation>
    </message>
    <message>
        <source>Flow updated</source>
        <translation>更新流程</translation>
    </message>
    <message>
        <source>Flow version saved</source>
        <translation>保存流程版本</translation>
    </message>
    <message>
        <source>Flow published</source>
        <translation>发布流程</translation>
    </message>
    <message>
        <source>Flow deleted</source>
        <translation>删除流程</translation>
    </message>
    <message>
        <source>Flow shared</source>
        <translation>共享流程</translation>
    </message>
    <message>
        <source>Flow share changed</source>
        <translation>更改流程共享</translation>
    </message>
    <message>
        <source>Flow share removed</source>
        <translation>移除流程共享</translation>
    </message>
    <message>
        <source>Webhook created</source>
        <translation>创建 Webhook</translation>
    </message>
    <message>
        <source>Webhook token renewed</source>
        <translation>更新 Webhook 令牌</translation>
    </message>
    <message>
        <source>Webhook removed</source>
        <translation>移除 Webhook</translation>
    </message>
    <message>
        <source>Credential created</source>
        <translation>创建凭据</translation>
    </message>
    <message>
        <source>Credential updated</source>
        <translation>更新凭据</translation>
    </message>
    <message>
        <source>Credential deleted</source>
        <translation>删除凭据</translation>
    </message>
    <message>
        <source>Credential tested</source>
        <translation>测试凭据</translation>
    </message>
    <message>
        <source>Credential keys rotated</source>
        <translation>轮换凭据密钥</translation>
    </message>
    <message>
        <source>Service added</source>
        <translation>添加服务</translation>
    </message>
    <message>
        <source>Service updated</source>
        <translation>更新服务</translation>
    </message>
    <message>
        <source>Service deleted</source>
        <translation>删除服务</translation>
    </message>
    <message>
        <source>Service tested</source>
        <translation>测试服务</translation>
    </message>
    <message>
        <source>Service schema refreshed</source>
        <translation>刷新服务架构</translation>
    </message>
    <message>
        <source>Service endpoint added</source>
        <translation>添加服务端点</translation>
    </message>
    <message>
        <source>Service endpoint deleted</source>
        <translation>删除服务端点</translation>
    </message>
    <message>
        <source>Component registered</source>
        <translation>注册组件</translation>
    </message>
    <message>
        <source>Component updated</source>
        <translation>更新组件</translation>
    </message>
    <message>
        <source>Component deprecated</source>
        <translation>弃用组件</translation>
    </message>
    <message>
        <source>Component active again</source>
        <translation>重新启用组件</translation>
    </message>
    <message>
        <source>Component deleted</source>
        <translation>删除组件</translation>
    </message>
    <message>
        <source>Sign-in settings changed</source>
        <translation>更改登录设置</translation>
    </message>
    <message>
        <source>System configuration changed</source>
        <translation>更改系统配置</translation>
    </message>
    <message>
        <source>Sign-in and account security</source>
        <translation>登录与账号安全</translation>
    </message>
    <message>
        <source>User administration</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Alert rule created</source>
        <translation>创建告警规则</translation>
    </message>
    <message>
        <source>Alert rule changed</source>
        <translation>更改告警规则</translation>
    </message>
    <message>
        <source>Alert rule deleted</source>
        <translation>删除告警规则</translation>
    </message>
    <message>
        <source>Alert resolved by hand</source>
        <translation>手动解决告警</translation>
    </message>
    <message>
        <source>Alert channel created</source>
        <translation>创建通知渠道</translation>
    </message>
    <message>
        <source>Alert channel changed</source>
        <translation>修改通知渠道</translation>
    </message>
    <message>
        <source>Alert channel deleted</source>
        <translation>删除通知渠道</translation>
    </message>
    <message>
        <source>Alert channel tested</source>
        <translation>测试通知渠道</translation>
    </message>
    <message>
        <source>Maintenance window created</source>
        <translation>创建维护时段</translation>
    </message>
    <message>
        <source>Maintenance window ended</source>
        <translation>结束维护时段</translation>
    </message>
    <message>
        <source>Public status page changed</source>
        <translation>更改公开状态页</translation>
    </message>
    <message>
        <source>Probe created</source>
        <translation>创建探测</translation>
    </message>
    <message>
        <source>Probe changed</source>
        <translation>更改探测</translation>
    </message>
    <message>
        <source>Probe deleted</source>
        <translation>删除探测</translation>
    </message>
    <message>
        <source>WireGuard server created</source>
        <translation>已创建 WireGuard 服务器</translation>
    </message>
    <message>
        <source>WireGuard server changed</source>
        <translation>已更改 WireGuard 服务器</translation>
    </message>
    <message>
        <source>WireGuard server deleted</source>
        <translation>已删除 WireGuard 服务器</translation>
    </message>
    <message>
        <source>WireGuard server started</source>
        <translation>已启动 WireGuard 服务器</translation>
    </message>
    <message>
        <source>WireGuard server failed to start</source>
        <translation>WireGuard 服务器启动失败</translation>
    </message>
    <message>
        <source>WireGuard server stopped</source>
        <translation>已停止 WireGuard 服务器</translation>
    </message>
    <message>
        <source>WireGuard client created</source>
        <translation>已创建 WireGuard 客户端</translation>
    </message>
    <message>
        <source>WireGuard client changed</source>
        <translation>已更改 WireGuard 客户端</translation>
    </message>
    <message>
        <source>WireGuard client deleted</source>
        <translation>已删除 WireGuard 客户端</translation>
    </message>
    <message>
        <source>WireGuard client config downloaded</source>
        <translation>已下载 WireGuard 客户端配置</translation>
    </message>
    <message>
        <source>IPv6 pool created</source>
        <translation>已创建 IPv6 前缀池</translation>
    </message>
    <message>
        <source>IPv6 pool changed</source>
        <translation>已更改 IPv6 前缀池</translation>
    </message>
    <message>
        <source>IPv6 pool deleted</source>
        <translation>已删除 IPv6 前缀池</translation>
    </message>
    <message>
        <source>IPv6 prefix delegated</source>
        <translation>已分配 IPv6 前缀</translation>
    </message>
    <message>
        <source>IPv6 prefix released</source>
        <translation>已释放 IPv6 前缀</translation>
    </message>
    <message>
        <source>BGP session created</source>
        <translation>已创建 BGP 会话</translation>
    </message>
    <message>
        <source>BGP session changed</source>
        <translation>已更改 BGP 会话</translation>
    </message>
    <message>
        <source>BGP session deleted</source>
        <translation>已删除 BGP 会话</translation>
    </message>
    <message>
        <source>BGP session started</source>
        <translation>已启动 BGP 会话</translation>
    </message>
    <message>
        <source>BGP session stopped</source>
        <translation>已停止 BGP 会话</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard server imported</source>
        <translation>WireGuard 服务器已导入</translation>
    </message>
    <message>
        <source>WireGuard client share link created</source>
        <translation>已创建 WireGuard 客户端分享链接</translation>
    </message>
    <message>
        <source>WireGuard client share link opened</source>
        <translation>已打开 WireGuard 客户端分享链接</translation>
    </message>
    <message>
        <source>WireGuard client share links revoked</source>
        <translation>已撤销 WireGuard 客户端分享链接</translation>
    </message>
    <message>
        <source>WireGuard change confirmed</source>
        <translation>已确认 WireGuard 更改</translation>
    </message>
    <message>
        <source>WireGuard change rolled back (not confirmed in time)</source>
        <translation>已回滚 WireGuard 更改（未及时确认）</translation>
    </message>
    <message>
        <source>IPv6 prefix expired and released</source>
        <translation>IPv6 前缀已到期并释放</translation>
    </message>
    <message>
        <source>BGP prefix announced</source>
        <translation>已通告 BGP 前缀</translation>
    </message>
    <message>
        <source>BGP prefix withdrawn</source>
        <translation>已撤回 BGP 前缀</translation>
    </message>
    <message>
        <source>Identity confirmed again</source>
        <translation>再次确认身份</translation>
    </message>
    <message>
        <source>Node file read</source>
        <translation>读取节点文件</translation>
    </message>
    <message>
        <source>Node file saved</source>
        <translation>保存节点文件</translation>
    </message>
    <message>
        <source>Node file uploaded</source>
        <translation>上传节点文件</translation>
    </message>
    <message>
        <source>Node directory created</source>
        <translation>创建节点目录</translation>
    </message>
    <message>
        <source>Node file renamed</source>
        <translation>重命名节点文件</translation>
    </message>
    <message>
        <source>Node file deleted</source>
        <translation>删除节点文件</translation>
    </message>
    <message>
        <source>Node process signalled</source>
        <translation>向节点进程发送信号</translation>
    </message>
    <message>
        <source>Node terminal opened</source>
        <translation>打开节点终端</translation>
    </message>
    <message>
        <source>Node terminal closed</source>
        <translation>关闭节点终端</translation>
    </message>
    <message>
        <source>Node grant added</source>
        <translation>添加节点授权</translation>
    </message>
    <message>
        <source>Node grant removed</source>
        <translation>移除节点授权</translation>
    </message>
    <message>
        <source>Node file upload started</source>
        <translation>开始上传节点文件</translation>
    </message>
    <message>
        <source>Node file upload aborted</source>
        <translation>中止上传节点文件</translation>
    </message>
    <message>
        <source>Node task run</source>
        <translation>节点任务已执行</translation>
    </message>
    <message>
        <source>Container started</source>
        <translation>容器已启动</translation>
    </message>
    <message>
        <source>Container stopped</source>
        <translation>容器已停止</translation>
    </message>
    <message>
        <source>Container restarted</source>
        <translation>容器已重启</translation>
    </message>
    <message>
        <source>Container removed</source>
        <translation>容器已删除</translation>
    </message>
    <message>
        <source>Compose project started</source>
        <translation>Compose 项目已启动</translation>
    </message>
    <message>
        <source>Compose project stopped</source>
        <translation>Compose 项目已停止</translation>
    </message>
    <message>
        <source>Nginx started</source>
        <translation>Nginx 已启动</translation>
    </message>
    <message>
        <source>Nginx stopped</source>
        <translation>Nginx 已停止</translation>
    </message>
    <message>
        <source>Nginx restarted</source>
        <translation>Nginx 已重启</translation>
    </message>
    <message>
        <source>Nginx reloaded</source>
        <translation>Nginx 已重新加载</translation>
    </message>
    <message>
        <source>Nginx configuration saved</source>
        <translation>Nginx 配置已保存</translation>
    </message>
    <message>
        <source>Nginx site created</source>
        <translation>Nginx 站点已创建</translation>
    </message>
    <message>
        <source>Nginx site saved</source>
        <translation>Nginx 站点已保存</translation>
    </message>
    <message>
        <source>Nginx site deleted</source>
        <translation>Nginx 站点已删除</translation>
    </message>
    <message>
        <source>Nginx site enabled</source>
        <translation>Nginx 站点已启用</translation>
    </message>
    <message>
        <source>Nginx site disabled</source>
        <translation>Nginx 站点已禁用</translation>
    </message>
    <message>
        <source>Self-signed certificate created</source>
        <translation>已创建自签名证书</translation>
    </message>
    <message>
        <source>Node agent restarted</source>
        <translation>节点代理已重启</translation>
    </message>
    <message>
        <source>Node rebooted</source>
        <translation>节点已重启</translation>
    </message>
    <message>
        <source>Node agent upgraded</source>
        <translation>节点代理已升级</translation>
    </message>
    <message>
        <source>Node agent upgrade failed</source>
        <translation>节点代理升级失败</translation>
    </message>
    <message>
        <source>Agent release uploaded</source>
        <translation>已上传代理版本</translation>
    </message>
    <message>
        <source>Password reset e-mail requested</source>
        <translation>已请求密码重置邮件</translation>
    </message>
    <message>
        <source>Verification e-mail sent</source>
        <translation>已发送验证邮件</translation>
    </message>
    <message>
        <source>E-mail address verified</source>
        <translation>电子邮件地址已验证</translation>
    </message>
    <message>
        <source>E-mail language changed</source>
        <translation>邮件语言已更改</translation>
    </message>
    <message>
        <source>Mail settings changed</source>
        <translation>电子邮件设置已更改</translation>
    </message>
    <message>
        <source>Test e-mail sent</source>
        <translation>已发送测试邮件</translation>
    </message>
    <message>
        <source>Backup created</source>
        <translation>已创建备份</translation>
    </message>
    <message>
        <source>Backup deleted</source>
        <translation>已删除备份</translation>
    </message>
    <message>
        <source>Backup downloaded</source>
        <translation>已下载备份</translation>
    </message>
    <message>
        <source>Backup uploaded</source>
        <translation>已上传备份</translation>
    </message>
    <message>
        <source>Backup restore scheduled</source>
        <translation>已安排恢复备份</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>已恢复备份</translation>
    </message>
    <message>
        <source>Built-in agent release registered</source>
        <translation>已登记内置代理版本</translation>
    </message>
    <message>
        <source>Flow history retention changed</source>
        <translation>已更改流程的历史保留设置</translation>
    </message>
    <message>
        <source>History retention applied</source>
        <translation>已应用历史保留</translation>
    </message>
    <message>
        <source>Flow triggered</source>
        <translation>已触发流程</translation>
    </message>
    <message>
        <source>Container log followed</source>
        <translation>已跟踪容器日志</translation>
    </message>
    <message>
        <source>Container log follow ended</source>
        <translation>容器日志跟踪已结束</translation>
    </message>
</context>
<context>
    <name>AuditDetailText</name>
    <message>
        <source>Access level</source>
        <translation>访问级别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>代理程序版本</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>应用时间</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>By</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>输入字节</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>输出字节</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>持续时间（秒）</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Invited email</source>
        <translation>受邀电子邮件</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>密钥已吊销</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Locked addresses</source>
        <translation>已锁定地址</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Password change required</source>
        <translation>须更改密码</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Previous permission</source>
        <translation>先前权限</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>先前版本</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recovery codes left</source>
        <translation>剩余恢复码</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>发布版本</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>记住我</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>请求时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Files root</source>
        <translation>文件根目录</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell 程序</translation>
    </message>
    <message>
        <source>Show addresses</source>
        <translation>显示地址</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>双重验证</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
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
        <translation>无</translation>
    </message>
</context>
<context>
    <name>AuditResourceText</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Data encryption key</source>
        <translation>数据加密密钥</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Node grant</source>
        <translation>节点授权</translation>
    </message>
    <message>
        <source>Agent release</source>
        <translation>代理版本</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Notification channel</source>
        <translation>通知渠道</translation>
    </message>
    <message>
        <source>Maintenance window</source>
        <translation>维护时段</translation>
    </message>
    <message>
        <source>WireGuard server</source>
        <translation>WireGuard 服务器</translation>
    </message>
    <message>
        <source>WireGuard client</source>
        <translation>WireGuard 客户端</translation>
    </message>
    <message>
        <source>IPv6 pool</source>
        <translation>IPv6 地址池</translation>
    </message>
    <message>
        <source>IPv6 allocation</source>
        <translation>IPv6 分配</translation>
    </message>
    <message>
        <source>BGP session</source>
        <translation>BGP 会话</translation>
    </message>
    <message>
        <source>BGP announcement</source>
        <translation>BGP 宣告</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
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
        <translation>消息</translation>
    </message>
    <message>
        <source>Written before the node&apos;s inputs in the execution&apos;s log.</source>
        <translation>写在执行日志中节点输入之前。</translation>
    </message>
    <message>
        <source>Delay (milliseconds)</source>
        <translation>延迟（毫秒）</translation>
    </message>
    <message>
        <source>How long the node waits before it passes its inputs on; unset, its &quot;ms&quot; input says.</source>
        <translation>节点将输入传递下去之前等待的时间；未设置时以其“ms”输入为准。</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Fail on an HTTP error</source>
        <translation>HTTP 错误时失败</translation>
    </message>
    <message>
        <source>An answer outside 2xx fails the node (retried for 5xx, 408 and 429) instead of passing its status on.</source>
        <translation>响应不是 2xx 时让节点失败（5xx、408 和 429 会重试），而不是把状态码传递下去。</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>The program and its arguments, one per item, started without a shell.</source>
        <translation>要执行的程序及其参数，每项一个，不经过 shell 直接启动。</translation>
    </message>
    <message>
        <source>Run a script in a shell</source>
        <translation>在 shell 中运行脚本</translation>
    </message>
    <message>
        <source>On: the Script below runs in the node&apos;s shell instead of a Command.</source>
        <translation>开启时：改为在节点的 shell 中运行下方的“脚本”，而不是“命令”。</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>脚本</translation>
    </message>
    <message>
        <source>Shell commands; only with &quot;Run a script in a shell&quot; on.</source>
        <translation>shell 命令；仅在开启“在 shell 中运行脚本”时使用。</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Added to the command&apos;s environment: an object of names and text values.</source>
        <translation>添加到命令的环境中：由名称和文本值组成的对象。</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>Where the command starts on the node.</source>
        <translation>命令在节点上启动时所在的目录。</translation>
    </message>
    <message>
        <source>Time limit (seconds)</source>
        <translation>时间限制（秒）</translation>
    </message>
    <message>
        <source>The command is stopped when it runs longer.</source>
        <translation>命令运行超过此时间即被停止。</translation>
    </message>
</context>
<context>
    <name>ByteSizeText</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
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
        <translation>HiveMind 控制台：设计、运行并监控工作流与您的机群。</translation>
    </message>
    <message>
        <source>User interface language: %1.</source>
        <translation>用户界面语言：%1。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Directory of the local server&apos;s data (default: %1).</source>
        <translation>本地服务器的数据目录（默认：%1）。</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Do not use the system keychain for the master key; use the key file.</source>
        <translation>不使用系统钥匙串存放主密钥，改用密钥文件。</translation>
    </message>
    <message>
        <source>Save a picture of the main window to this PNG file once the server has answered, then quit.</source>
        <translation>服务器响应后，将主窗口画面保存为此 PNG 文件，然后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Section to show at start: %1.</source>
        <translation>启动时显示的栏目：%1。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知的语言“%1”；请选择：%2。</translation>
    </message>
    <message>
        <source>Unknown section &quot;%1&quot;; choose one of: %2.</source>
        <translation>未知的栏目“%1”；请选择：%2。</translation>
    </message>
    <message>
        <source>No data directory; pass one with --data-dir.</source>
        <translation>没有数据目录；请用 --data-dir 指定。</translation>
    </message>
    <message>
        <source>Colours for this run: light, dark or system (not saved).</source>
        <translation>本次运行的颜色：&quot;light&quot;（浅色）、&quot;dark&quot;（深色）或 &quot;system&quot;（跟随系统），不会保存。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Unknown theme &quot;%1&quot;; choose light, dark or system.</source>
        <translation>未知的主题“%1”；请选择 &quot;light&quot;、&quot;dark&quot; 或 &quot;system&quot;。</translation>
    </message>
</context>
<context>
    <name>ComponentCatalogue</name>
    <message>
        <source>the endpoint %1 of the service %2 was removed from its OpenAPI document by a schema refresh; choose another endpoint</source>
        <translation>服务 %2 的端点 %1 已在刷新架构时从其 OpenAPI 文档中移除，请选择其他端点</translation>
    </message>
    <message>
        <source>the endpoint %1 of the service %2 is disabled</source>
        <translation>服务 %2 的端点 %1 已停用</translation>
    </message>
    <message>
        <source>the service %1 has no endpoint %2</source>
        <translation>服务 %1 没有端点 %2</translation>
    </message>
    <message>
        <source>the external service %1 no longer exists</source>
        <translation>外部服务 %1 已不存在</translation>
    </message>
    <message>
        <source>the external service %1 is not active; make it active to call it</source>
        <translation>外部服务 %1 未启用；请先启用才能调用</translation>
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
        <translation>约 1 分钟</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>约 1 小时</translation>
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
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
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
            <numerusform>%n 周</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n 个月</numerusform>
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
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>Exited with code %1, %2 ago</source>
        <translation>%2前退出，退出码 %1</translation>
    </message>
    <message>
        <source>Restarting (exit code %1, %2 ago)</source>
        <translation>正在重启（%2前退出，退出码 %1）</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
</context>
<context>
    <name>CredentialText</name>
    <message>
        <source>HTTP Basic</source>
        <translation>HTTP 基本认证</translation>
    </message>
    <message>
        <source>HTTP Bearer token</source>
        <translation>HTTP Bearer 令牌</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>OAuth 2.0 client</source>
        <translation>OAuth 2.0 客户端</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>SSH 密钥</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Decrypt only</source>
        <translation>仅用于解密</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
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
        <translation>工作空间（此服务器上的所有人）</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>工作流</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
</context>
<context>
    <name>FlowErrorText</name>
    <message>
        <source>Someone saved a newer version of this flow since you opened it.</source>
        <translation>自您打开此流程后，已有人保存了更新的版本。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>无法连接到服务器。请检查连接后重试。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未在时限内响应。</translation>
    </message>
    <message>
        <source>The server is not available right now.</source>
        <translation>服务器当前不可用。</translation>
    </message>
    <message>
        <source>Too many requests: the server asks to wait a moment before trying again.</source>
        <translation>请求过多：服务器要求稍后重试。</translation>
    </message>
    <message>
        <source>You are not signed in to the server, or your session has ended.</source>
        <translation>您尚未登录服务器，或会话已结束。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的角色不允许此操作。</translation>
    </message>
    <message>
        <source>This needs %1 permission on the flow; you have %2.</source>
        <translation>此操作需要流程的%1权限；您当前拥有%2权限。</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>您没有权限执行此操作。</translation>
    </message>
    <message>
        <source>The flow no longer exists, or it is not shared with you.</source>
        <translation>此流程已不存在，或未共享给您。</translation>
    </message>
    <message>
        <source>That version of the flow does not exist. A flow runs its published version: publish one first.</source>
        <translation>此流程版本不存在。流程运行的是已发布的版本：请先发布一个版本。</translation>
    </message>
    <message>
        <source>Another flow already has this name.</source>
        <translation>已有其他流程使用此名称。</translation>
    </message>
    <message>
        <source>This already exists.</source>
        <translation>该项已存在。</translation>
    </message>
    <message>
        <source>The name must not be empty and must have at most 255 characters.</source>
        <translation>名称不能为空，且最多 255 个字符。</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>这不是电子邮件地址。</translation>
    </message>
    <message>
        <source>The flow definition must be a JSON object.</source>
        <translation>流程定义必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>服务器拒绝了此请求：%1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused the flow: it has %n problem(s).</source>
        <translation>
            <numerusform>服务器拒绝了此流程：其中有 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the flow definition.</source>
        <translation>服务器拒绝了此流程定义。</translation>
    </message>
    <message>
        <source>An input mapping of the flow is not valid.</source>
        <translation>此流程的某个输入映射无效。</translation>
    </message>
    <message>
        <source>The flow is already running and its settings allow only one execution at a time.</source>
        <translation>此流程正在运行，而其设置同一时间只允许一个执行。</translation>
    </message>
    <message>
        <source>This share no longer exists.</source>
        <translation>此共享已不存在。</translation>
    </message>
    <message>
        <source>Only the flow&apos;s owner and people it is shared with as admin can manage its sharing.</source>
        <translation>只有流程所有者和以“管理”权限共享的人员可以管理其共享。</translation>
    </message>
    <message>
        <source>You cannot share a flow with yourself.</source>
        <translation>不能将流程共享给自己。</translation>
    </message>
    <message>
        <source>The flow is already shared with this person (or they own it).</source>
        <translation>此流程已共享给此人（或此人就是所有者）。</translation>
    </message>
    <message>
        <source>The permission must be view, edit or admin.</source>
        <translation>权限必须是查看、编辑或管理。</translation>
    </message>
    <message>
        <source>The account with this e-mail address was deleted.</source>
        <translation>使用此电子邮件地址的账号已被删除。</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>该项已不存在。</translation>
    </message>
    <message>
        <source>The flow is larger than the server accepts.</source>
        <translation>此流程超出了服务器可接受的大小。</translation>
    </message>
    <message>
        <source>Node “%1” uses the component “%2”, which the server does not have.</source>
        <translation>节点“%1”使用的组件“%2”在服务器上不存在。</translation>
    </message>
    <message>
        <source>Node “%1” uses version %2 of “%3”, which the server does not have.</source>
        <translation>节点“%1”使用“%3”的版本 %2，服务器上没有此版本。</translation>
    </message>
    <message>
        <source>The node id “%1” is used more than once.</source>
        <translation>节点 ID“%1”被使用了不止一次。</translation>
    </message>
    <message>
        <source>The connection id “%1” is used more than once.</source>
        <translation>连接 ID“%1”被使用了不止一次。</translation>
    </message>
    <message>
        <source>Connection “%1” leads to a node that does not exist.</source>
        <translation>连接“%1”指向不存在的节点。</translation>
    </message>
    <message>
        <source>Connection “%1” leaves from an output “%2” its node does not have.</source>
        <translation>连接“%1”来自其节点没有的输出“%2”。</translation>
    </message>
    <message>
        <source>Connection “%1” enters an input “%2” its node does not have.</source>
        <translation>连接“%1”进入其节点没有的输入“%2”。</translation>
    </message>
    <message>
        <source>The connections form a loop: %1.</source>
        <translation>这些连接形成了环路：%1。</translation>
    </message>
    <message>
        <source>Node “%1” needs a value for its input “%2”: connect it or map it.</source>
        <translation>节点“%1”的输入“%2”需要一个值：请连接或映射它。</translation>
    </message>
    <message>
        <source>Node “%1” maps an input “%2” its component does not have.</source>
        <translation>节点“%1”映射了其组件没有的输入“%2”。</translation>
    </message>
    <message>
        <source>Node “%1”: the mapping of input “%2” cannot be read.</source>
        <translation>节点“%1”：输入“%2”的映射无法解析。</translation>
    </message>
    <message>
        <source>Node “%1” reads from a node “%2” that does not exist.</source>
        <translation>节点“%1”读取了不存在的节点“%2”。</translation>
    </message>
    <message>
        <source>Node “%1” reads from node “%2”, which does not run before it: connect them first.</source>
        <translation>节点“%1”读取节点“%2”，但后者不会在它之前运行：请先连接两者。</translation>
    </message>
    <message>
        <source>Node “%1” reads an output “%2” that node “%3” does not have.</source>
        <translation>节点“%1”读取节点“%3”的输出“%2”，但该节点没有此输出。</translation>
    </message>
    <message>
        <source>Node “%1”: input “%2” expects %3 but gets %4.</source>
        <translation>节点“%1”：输入“%2”期望 %3，实际为 %4。</translation>
    </message>
    <message>
        <source>Node “%1”: its configuration is not valid (%2).</source>
        <translation>节点“%1”：其配置无效（%2）。</translation>
    </message>
    <message>
        <source>The component “%1” has a configuration schema the server cannot use.</source>
        <translation>组件“%1”的配置架构无法被服务器使用。</translation>
    </message>
    <message>
        <source>The flow setting “%1” is not valid.</source>
        <translation>流程设置“%1”无效。</translation>
    </message>
    <message>
        <source>The definition&apos;s &quot;schemaVersion&quot; is newer than this server understands.</source>
        <translation>此定义的 &quot;schemaVersion&quot; 比此服务器能理解的版本更新。</translation>
    </message>
    <message>
        <source>The definition is not shaped as a flow.</source>
        <translation>此定义的结构不是流程。</translation>
    </message>
    <message>
        <source>The definition is not shaped as a flow at “%1”.</source>
        <translation>此定义在“%1”处的结构不是流程。</translation>
    </message>
    <message>
        <source>view</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已弃用</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
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
        <translation>节点“%1”：%3 的表达式“%2”无法运行；它必须是一个值，或用“$.inputs…”读取节点的输入。</translation>
    </message>
</context>
<context>
    <name>FlowFile</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>……还有 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at character %2).</source>
        <translation>此文件不是有效的 JSON（%1，位于第 %2 个字符）。</translation>
    </message>
    <message>
        <source>The file does not hold a flow: its JSON is not an object.</source>
        <translation>此文件不含流程：其 JSON 不是对象。</translation>
    </message>
    <message>
        <source>The file does not hold a flow: it has neither a &quot;definition&quot; object nor a &quot;nodes&quot; list.</source>
        <translation>此文件不含流程：其中既没有 &quot;definition&quot; 对象，也没有 &quot;nodes&quot; 列表。</translation>
    </message>
    <message>
        <source>The flow in the file is not valid:
%1</source>
        <translation>文件中的流程无效：
%1</translation>
    </message>
    <message>
        <source>The flow settings in the file are not valid:
%1</source>
        <translation>文件中的流程设置无效：
%1</translation>
    </message>
    <message>
        <source>The file cannot be opened: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>The file is too large to be a flow (more than 16 MiB).</source>
        <translation>文件太大，不可能是流程（超过 16 MiB）。</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>无法写入文件：%1</translation>
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
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Pending enrolment</source>
        <translation>等待注册</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>探测</translation>
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
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
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
        <translation>最多 %1 个标签。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: each label is 1 to %2 of the letters a-z and A-Z, digits, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>“%1”：每个标签须由 1 到 %2 个字母 a-z 和 A-Z、数字、“_”、“.”、“:”或“-”组成。</translation>
    </message>
    <message>
        <source>A node with this name exists already (names ignore case).</source>
        <translation>已存在同名节点（名称不区分大小写）。</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
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
        <translation>远程任务</translation>
    </message>
    <message>
        <source>Agent upgrades</source>
        <translation>代理程序升级</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Kernel %1</source>
        <translation>内核 %1</translation>
    </message>
    <message>
        <source>%1, kernel %2</source>
        <translation>%1，内核 %2</translation>
    </message>
</context>
<context>
    <name>OperationsText</name>
    <message>
        <source>The server refused: only administrators may %1. Ask an administrator, or sign in with an administrator account.</source>
        <translation>服务器拒绝了：只有管理员才能%1。请联系管理员，或使用管理员账号登录。</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended. Sign in again to %1.</source>
        <translation>您尚未登录此服务器，或会话已结束。请重新登录以%1。</translation>
    </message>
    <message>
        <source>The server cannot be reached, so the console could not %1. Check the connection and try again.</source>
        <translation>无法连接到服务器，因此控制台无法%1。请检查连接后重试。</translation>
    </message>
    <message>
        <source>The server did not answer in time, so the console could not %1. Try again.</source>
        <translation>服务器未及时响应，因此控制台无法%1。请重试。</translation>
    </message>
    <message>
        <source>Too many requests; wait a moment and try again.</source>
        <translation>请求过于频繁，请稍后重试。</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>无法%1：%2</translation>
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
        <translation>TCP 端口</translation>
    </message>
    <message>
        <source>Ping (ICMP)</source>
        <translation>Ping 连通性测试 (ICMP)</translation>
    </message>
    <message>
        <source>host:port, e.g. db.example.com:5432</source>
        <translation>主机:端口，例如 db.example.com:5432</translation>
    </message>
    <message>
        <source>A host, e.g. gateway.example.com</source>
        <translation>主机，例如 gateway.example.com</translation>
    </message>
    <message>
        <source>A URL, e.g. https://example.com/health</source>
        <translation>URL，例如 https://example.com/health</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>单个节点</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>所有节点</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>每 %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
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
        <translation>仪表板</translation>
    </message>
    <message>
        <source>An overview of this HiveMind installation.</source>
        <translation>本 HiveMind 安装的概览。</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, triggers and sharing.</source>
        <translation>以组件图设计的工作流，及其版本、触发方式与共享设置。</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Every run of a flow, with the status, inputs and outputs of each node as it happens.</source>
        <translation>流程的每一次执行，实时呈现每个节点的状态、输入与输出。</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>The catalogue of built-in and HTTP components that flows are built from.</source>
        <translation>组成流程的内置组件与 HTTP 组件目录。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>External REST services imported from OpenAPI documents, with their endpoints and schemas.</source>
        <translation>从 OpenAPI 文档导入的外部 REST 服务，及其端点与模式定义。</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Encrypted secrets used by flows and services; they can be replaced but never shown again.</source>
        <translation>供流程与服务使用的加密凭据（认证信息）；可以替换，但不会再次显示。</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Servers and worker machines running the HiveMind agent, with their metrics, processes and terminal.</source>
        <translation>运行 HiveMind 代理的服务器与工作机器，及其指标、进程与终端。</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard servers and clients, address pools and BGP sessions that connect the fleet.</source>
        <translation>连接机群的 WireGuard 服务器与客户端、地址池及 BGP 会话。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alert rules, notification channels and the history of alerts that fired.</source>
        <translation>告警规则、通知渠道，以及已触发告警的历史记录。</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>审计与日志</translation>
    </message>
    <message>
        <source>Who changed what and when, and the server&apos;s logs, searchable and exportable.</source>
        <translation>谁在何时更改了什么，以及服务器日志，均可搜索与导出。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Accounts, roles, API keys and two-factor authentication.</source>
        <translation>账号、角色、API 密钥与双因素认证。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Server configuration, backups and cluster settings.</source>
        <translation>服务器配置、备份与集群设置。</translation>
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
        <translation>另一个 HiveMind 服务器正在使用数据目录 %1</translation>
    </message>
    <message>
        <source>the port to listen on is taken by another program</source>
        <translation>要监听的端口已被其他程序占用</translation>
    </message>
    <message>
        <source>the master key does not open the database in %1</source>
        <translation>主密钥无法打开 %1 中的数据库</translation>
    </message>
    <message>
        <source>the database in %1 is damaged; restore it from a backup</source>
        <translation>%1 中的数据库已损坏，请从备份恢复</translation>
    </message>
    <message>
        <source>no master key is configured</source>
        <translation>尚未配置主密钥</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>无法连接到服务器</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>服务器未在时限内响应</translation>
    </message>
    <message>
        <source>the server is not available right now</source>
        <translation>服务器当前不可用</translation>
    </message>
    <message>
        <source>you are not signed in to this server, or your session has ended</source>
        <translation>您尚未登录此服务器，或会话已结束</translation>
    </message>
    <message>
        <source>you are not allowed to do this with this flow</source>
        <translation>您无权对此流程执行此操作</translation>
    </message>
    <message>
        <source>the execution does not exist, or you may not see it</source>
        <translation>此执行不存在，或您无权查看</translation>
    </message>
    <message>
        <source>the flow does not exist, or you may not see it</source>
        <translation>此流程不存在，或您无权查看</translation>
    </message>
    <message>
        <source>that version of the flow does not exist</source>
        <translation>流程没有这个版本</translation>
    </message>
    <message>
        <source>the execution has already ended</source>
        <translation>此执行已经结束</translation>
    </message>
    <message>
        <source>the execution is already being cancelled</source>
        <translation>此执行已在取消中</translation>
    </message>
    <message>
        <source>the flow is already running and its settings allow no second run at the same time</source>
        <translation>流程正在运行，其设置不允许同时再运行一次</translation>
    </message>
    <message>
        <source>too many requests; try again in a moment</source>
        <translation>请求过于频繁，请稍后再试</translation>
    </message>
    <message>
        <source>only the history still holds this execution, so it can only be re-run from the start</source>
        <translation>此执行仅保留在历史记录中，因此只能从头重新运行</translation>
    </message>
    <message>
        <source>another HiveMind server is using the server&apos;s data directory</source>
        <translation>另一个 HiveMind 服务器正在使用服务器的数据目录</translation>
    </message>
    <message>
        <source>the master key does not open the server&apos;s database</source>
        <translation>主密钥无法打开服务器的数据库</translation>
    </message>
    <message>
        <source>the server&apos;s database is damaged; restore it from a backup</source>
        <translation>服务器的数据库已损坏；请从备份恢复</translation>
    </message>
    <message>
        <source>the user name, e-mail address or password is wrong</source>
        <translation>用户名、电子邮件地址或密码错误</translation>
    </message>
    <message>
        <source>what was asked for does not exist, or you may not see it</source>
        <translation>请求的项目不存在，或您无权查看</translation>
    </message>
    <message>
        <source>an item with this name already exists</source>
        <translation>已存在同名的项目</translation>
    </message>
    <message>
        <source>the server met an internal error; try again, and read the server log if it happens again</source>
        <translation>服务器发生内部错误；请重试，如再次发生请查看服务器日志</translation>
    </message>
    <message>
        <source>the server is in maintenance mode; try again later</source>
        <translation>服务器正处于维护模式；请稍后再试</translation>
    </message>
    <message>
        <source>the account&apos;s e-mail address is not verified yet</source>
        <translation>此账号的电子邮件地址尚未验证</translation>
    </message>
    <message>
        <source>the account is locked after too many failed sign-ins; try again later</source>
        <translation>登录失败次数过多，账号已锁定；请稍后再试</translation>
    </message>
    <message>
        <source>the account is suspended; ask an administrator</source>
        <translation>此账号已停用；请联系管理员</translation>
    </message>
    <message>
        <source>an account with this e-mail address already exists</source>
        <translation>已存在使用此电子邮件地址的账号</translation>
    </message>
    <message>
        <source>the password does not meet the server&apos;s password policy</source>
        <translation>密码不符合服务器的密码策略</translation>
    </message>
    <message>
        <source>the two passwords do not match</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>the current password is wrong</source>
        <translation>当前密码错误</translation>
    </message>
    <message>
        <source>the verification link has expired; ask for a new one</source>
        <translation>验证链接已过期；请重新申请</translation>
    </message>
    <message>
        <source>the user does not exist</source>
        <translation>用户不存在</translation>
    </message>
    <message>
        <source>the component is not installed on the server</source>
        <translation>服务器上未安装此组件</translation>
    </message>
    <message>
        <source>the flow definition is not valid; see its problems</source>
        <translation>工作流定义无效；请查看其问题</translation>
    </message>
    <message>
        <source>an input mapping of the flow is not valid</source>
        <translation>工作流的某个输入映射无效</translation>
    </message>
    <message>
        <source>the component is installed but cannot be used right now</source>
        <translation>组件已安装，但当前无法使用</translation>
    </message>
    <message>
        <source>the execution ran longer than its time limit</source>
        <translation>执行时间超过其时限</translation>
    </message>
    <message>
        <source>the credential does not exist, or you may not see it</source>
        <translation>凭据不存在，或您无权查看</translation>
    </message>
    <message>
        <source>you may not use this credential</source>
        <translation>您无权使用此凭据</translation>
    </message>
    <message>
        <source>the server does not know this type of credential</source>
        <translation>服务器不认识此凭据类型</translation>
    </message>
    <message>
        <source>the credential is still used by flows; remove it from them first</source>
        <translation>仍有工作流在使用此凭据；请先从这些工作流中移除</translation>
    </message>
    <message>
        <source>the server could not decrypt the stored data</source>
        <translation>服务器无法解密已存储的数据</translation>
    </message>
    <message>
        <source>the share does not exist</source>
        <translation>此共享不存在</translation>
    </message>
    <message>
        <source>you may not change how this is shared</source>
        <translation>您无权更改此项目的共享方式</translation>
    </message>
    <message>
        <source>you cannot share with yourself</source>
        <translation>无法共享给自己</translation>
    </message>
    <message>
        <source>this is already shared with that user</source>
        <translation>已共享给该用户</translation>
    </message>
    <message>
        <source>the permission is not valid</source>
        <translation>权限无效</translation>
    </message>
    <message>
        <source>the external service does not exist</source>
        <translation>外部服务不存在</translation>
    </message>
    <message>
        <source>the external service has no such endpoint</source>
        <translation>外部服务没有此端点</translation>
    </message>
    <message>
        <source>the external service&apos;s API description could not be read</source>
        <translation>无法读取外部服务的 API 描述</translation>
    </message>
    <message>
        <source>the external service refused the credentials</source>
        <translation>外部服务拒绝了凭据</translation>
    </message>
    <message>
        <source>the request is larger than the server accepts</source>
        <translation>请求超过服务器可接受的大小</translation>
    </message>
    <message>
        <source>the server&apos;s database reported an error</source>
        <translation>服务器的数据库报告了错误</translation>
    </message>
    <message>
        <source>the server&apos;s database is busy; try again in a moment</source>
        <translation>服务器的数据库繁忙；请稍后再试</translation>
    </message>
    <message>
        <source>the server&apos;s encryption self-test failed, so it does not run</source>
        <translation>服务器的加密自检失败，因此无法运行</translation>
    </message>
    <message>
        <source>the server could not encrypt the data</source>
        <translation>服务器无法加密数据</translation>
    </message>
    <message>
        <source>the encryption key of this data is missing on the server</source>
        <translation>服务器上缺少此数据的加密密钥</translation>
    </message>
    <message>
        <source>the server does not support this request; it may be older than the console</source>
        <translation>服务器不支持此请求；它可能比控制台旧</translation>
    </message>
    <message>
        <source>the server could not read or write a file</source>
        <translation>服务器无法读取或写入文件</translation>
    </message>
    <message>
        <source>the server could not read the request</source>
        <translation>服务器无法读取此请求</translation>
    </message>
    <message>
        <source>someone else changed this meanwhile; reload it and try again</source>
        <translation>其他人在此期间已更改此项目；请重新加载后再试</translation>
    </message>
    <message>
        <source>the server refused the values entered; check them and try again</source>
        <translation>服务器拒绝了输入的值；请检查后再试</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not the one pinned for it</source>
        <translation>服务器的证书与为其固定的证书不符</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is not trusted</source>
        <translation>服务器的 TLS 证书不受信任</translation>
    </message>
    <message>
        <source>your password must be changed first: sign out and sign in again</source>
        <translation>必须先更改您的密码：请退出后重新登录</translation>
    </message>
    <message>
        <source>%1 is on a private network (%2), which the server may not reach for users; an administrator can allow it under Settings, &quot;Requests the server makes&quot;</source>
        <translation>%1 位于私有网络（%2），服务器不会为用户连接到该处；管理员可在“设置”的“服务器发出的请求”中允许</translation>
    </message>
    <message>
        <source>this process is protected (pid 1 or the agent itself)</source>
        <translation>此进程受保护（pid 1 或代理自身）</translation>
    </message>
    <message>
        <source>the agent&apos;s user is not allowed to signal this process</source>
        <translation>代理的用户无权向此进程发送信号</translation>
    </message>
    <message>
        <source>the process has already ended</source>
        <translation>此进程已经结束</translation>
    </message>
    <message>
        <source>you have no grant for this on the node; ask an administrator</source>
        <translation>您在此节点上没有这项授权；请联系管理员</translation>
    </message>
    <message>
        <source>the node&apos;s agent does not allow this (its own config decides)</source>
        <translation>节点的代理不允许此操作（由其自身配置决定）</translation>
    </message>
    <message>
        <source>the node&apos;s agent is not connected right now</source>
        <translation>节点的代理当前未连接</translation>
    </message>
    <message>
        <source>confirm your password or a 2FA code first, then try again</source>
        <translation>请先确认密码或双因素验证码，然后重试</translation>
    </message>
    <message>
        <source>the path is not valid</source>
        <translation>路径无效</translation>
    </message>
    <message>
        <source>the path leads outside the shared folder</source>
        <translation>路径指向共享文件夹之外</translation>
    </message>
    <message>
        <source>the path goes through a symbolic link</source>
        <translation>路径经过符号链接</translation>
    </message>
    <message>
        <source>the file has other hard links, so the agent leaves it alone</source>
        <translation>此文件有其他硬链接，因此代理不处理它</translation>
    </message>
    <message>
        <source>this folder is read only on the node</source>
        <translation>此文件夹在节点上为只读</translation>
    </message>
    <message>
        <source>the node&apos;s agent shares no folders</source>
        <translation>节点的代理未共享任何文件夹</translation>
    </message>
    <message>
        <source>the node&apos;s agent no longer shares this folder</source>
        <translation>节点的代理已不再共享此文件夹</translation>
    </message>
    <message>
        <source>the file or folder does not exist (any more)</source>
        <translation>文件或文件夹不存在（或已被删除）</translation>
    </message>
    <message>
        <source>a file or folder of that name already exists</source>
        <translation>已存在同名的文件或文件夹</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; download it instead</source>
        <translation>此文件不是 UTF-8 文本，请改为下载</translation>
    </message>
    <message>
        <source>the file is too large for this</source>
        <translation>文件太大，无法执行此操作</translation>
    </message>
    <message>
        <source>that is not a folder</source>
        <translation>那不是文件夹</translation>
    </message>
    <message>
        <source>that is a folder</source>
        <translation>那是文件夹</translation>
    </message>
    <message>
        <source>only files can be downloaded</source>
        <translation>只能下载文件</translation>
    </message>
    <message>
        <source>the bytes that arrived do not match the file (checksum); nothing was written</source>
        <translation>收到的内容与文件不符（校验和）；未写入任何内容</translation>
    </message>
    <message>
        <source>the node no longer knows this upload</source>
        <translation>节点已不再记录此上传</translation>
    </message>
    <message>
        <source>the file on this computer could not be read</source>
        <translation>无法读取本机上的文件</translation>
    </message>
    <message>
        <source>the file on this computer could not be written</source>
        <translation>无法写入本机上的文件</translation>
    </message>
    <message>
        <source>the file on this computer changed while it was read</source>
        <translation>本机上的文件在读取期间已更改</translation>
    </message>
    <message>
        <source>the download ended before its last byte</source>
        <translation>下载在最后一个字节之前中断</translation>
    </message>
</context>
<context>
    <name>ServiceText</name>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>cookie</source>
        <translation>Cookie 参数</translation>
    </message>
    <message>
        <source>array of %1</source>
        <translation>%1 数组</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 instead of a document.</source>
        <translation>%1 返回了 HTTP %2，而不是文档。</translation>
    </message>
    <message>
        <source>The service cannot be reached at %1: %2</source>
        <translation>无法连接到位于 %1 的服务：%2</translation>
    </message>
    <message>
        <source>The service cannot be reached: %1</source>
        <translation>无法连接到服务：%1</translation>
    </message>
    <message numerus="yes">
        <source>No OpenAPI document was found at the usual paths (%n tried). Give the schema URL, or add the endpoints by hand.</source>
        <translation>
            <numerusform>在常用路径未找到 OpenAPI 文档（已尝试 %n 个）。请提供架构 URL，或手动添加端点。</numerusform>
        </translation>
    </message>
    <message>
        <source>The document is larger than the server reads (16 MiB).</source>
        <translation>文档超出服务器可读取的大小（16 MiB）。</translation>
    </message>
    <message>
        <source>The document at %1 could not be read (line %2): %3</source>
        <translation>无法读取位于 %1 的文档（第 %2 行）：%3</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>无法读取文档：%1</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>最多只能有 %1 个字符。</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>Choose a credential you may use, or none.</source>
        <translation>请选择你可以使用的凭据，或不使用凭据。</translation>
    </message>
    <message>
        <source>The server refused this description.</source>
        <translation>服务器拒绝了这段说明。</translation>
    </message>
    <message>
        <source>The server refused this value.</source>
        <translation>服务器拒绝了这个值。</translation>
    </message>
    <message>
        <source>Enter an absolute http or https address without query, fragment or user name.</source>
        <translation>请输入完整的 http 或 https 地址，不含查询字符串、片段或用户名。</translation>
    </message>
    <message>
        <source>Enter a path under the base URL (starting with &quot;/&quot;) or an absolute http or https address. For a document on this computer, use Import from file... in the new-service wizard.</source>
        <translation>请输入基础 URL 下的路径（以“/”开头）或完整的 http 或 https 地址。文档若在这台电脑上，请在新建服务向导中使用“从文件导入…”。</translation>
    </message>
    <message>
        <source>%1 redirected somewhere the server does not follow (not http or https, or from https to http).</source>
        <translation>%1 重定向到服务器不会跟随的位置（不是 http 或 https，或从 https 转为 http）。</translation>
    </message>
    <message>
        <source>The document could not be read (line %1): %2</source>
        <translation>无法读取文档（第 %1 行）：%2</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Can view and run</source>
        <translation>可查看和运行</translation>
    </message>
    <message>
        <source>Can edit</source>
        <translation>可编辑</translation>
    </message>
    <message>
        <source>Can edit and share</source>
        <translation>可编辑和共享</translation>
    </message>
</context>
<context>
    <name>WgText</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Not up (error)</source>
        <translation>未启动（错误）</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>IPv4 only</source>
        <translation>仅 IPv4</translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation>仅 IPv6</translation>
    </message>
    <message>
        <source>Dual stack (IPv4 and IPv6)</source>
        <translation>双栈（IPv4 和 IPv6）</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
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
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
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
        <translation>另一个 WireGuard 服务器已使用此接口，或服务器正在运行：%1</translation>
    </message>
    <message>
        <source>Another WireGuard server listens on this port.</source>
        <translation>另一个 WireGuard 服务器已在监听此端口。</translation>
    </message>
    <message>
        <source>This name is taken.</source>
        <translation>此名称已被占用。</translation>
    </message>
    <message>
        <source>Another client has this address.</source>
        <translation>另一个客户端已使用此地址。</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <source>Overlaps the subnet of another WireGuard server: %1</source>
        <translation>与另一个 WireGuard 服务器的子网重叠：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::AboutDialog</name>
    <message>
        <source>About HiveMind</source>
        <translation>关于 HiveMind</translation>
    </message>
    <message>
        <source>A self-hosted operations platform: design workflows, run them on the server&apos;s scheduler, connect your fleet over WireGuard and keep every secret encrypted.</source>
        <translation>自托管的运维平台：设计工作流、交由服务器的调度器运行、通过 WireGuard 连接机群，并将所有机密加密保存。</translation>
    </message>
    <message>
        <source>This console is a client of the HiveMind server; in local mode it runs the server in-process on a loopback port.</source>
        <translation>此控制台是 HiveMind 服务器的客户端；在本地模式下，它在同一进程内以环回地址的端口运行服务器。</translation>
    </message>
</context>
<context>
    <name>hm::app::AccountDialog</name>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
</context>
<context>
    <name>hm::app::AccountPanel</name>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>双重验证</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮件：</translation>
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
        <translation>双重验证：</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>End this console&apos;s session on the server.</source>
        <translation>结束此控制台在服务器上的会话。</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in (File menu) to see your account.</source>
        <translation>当前无人登录。请登录（“文件”菜单）以查看您的账户。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat the new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The server&apos;s password policy</source>
        <translation>服务器的密码策略</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your other sessions are signed out when the password changes.</source>
        <translation>修改密码后，您的其他会话都会被退出登录。</translation>
    </message>
    <message>
        <source>Set up two-factor authentication...</source>
        <translation>设置双重验证…</translation>
    </message>
    <message>
        <source>Scan this code with an authenticator app (for example FreeOTP, Google Authenticator or 1Password), then enter the six-digit code it shows to turn two-factor authentication on.</source>
        <translation>请用身份验证器应用扫描此二维码，再输入其显示的六位验证码以启用双重验证。</translation>
    </message>
    <message>
        <source>Or type this key into the app:</source>
        <translation>或在应用中手动输入此密钥：</translation>
    </message>
    <message>
        <source>Code from the app:</source>
        <translation>应用显示的验证码：</translation>
    </message>
    <message>
        <source>Verify and turn on</source>
        <translation>验证并启用</translation>
    </message>
    <message>
        <source>Turn two-factor authentication off</source>
        <translation>停用双重验证</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Current code:</source>
        <translation>当前验证码：</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Where you are signed in. Revoking a session signs that device out at its next request.</source>
        <translation>您当前登录的位置。撤销会话后，该设备会在下一次请求时被退出登录。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Revoke all other sessions</source>
        <translation>撤销其他所有会话</translation>
    </message>
    <message>
        <source>On</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>Only administrators can read the policy in advance. The server checks the new password when you submit it and names any rule it breaks here.</source>
        <translation>只有管理员能事先读取密码策略。提交后，服务器会检查新密码，并在此列出不符合的规则。</translation>
    </message>
    <message>
        <source>A new password needs:</source>
        <translation>新密码需要：</translation>
    </message>
    <message>
        <source>Two-factor authentication is on: signing in asks for a code from your authenticator app.</source>
        <translation>双重验证已启用：登录时需要输入身份验证器应用的验证码。</translation>
    </message>
    <message>
        <source>Two-factor authentication is being set up. It is on once you verify a code.</source>
        <translation>正在设置双重验证。验证一个验证码后即会启用。</translation>
    </message>
    <message>
        <source>Two-factor authentication is off: signing in needs only your password.</source>
        <translation>双重验证未启用：登录只需要密码。</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>未知设备</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>此控制台</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>This is the session of this console: use Sign out.</source>
        <translation>这是此控制台的会话：请使用“退出登录”。</translation>
    </message>
    <message>
        <source>Sign the selected session out.</source>
        <translation>退出所选会话的登录。</translation>
    </message>
    <message>
        <source>Revoke session</source>
        <translation>撤销会话</translation>
    </message>
    <message>
        <source>Sign out the session on &quot;%1&quot; (%2)?</source>
        <translation>要退出“%1”（%2）上的会话吗？</translation>
    </message>
    <message>
        <source>Revoke other sessions</source>
        <translation>撤销其他会话</translation>
    </message>
    <message>
        <source>Sign out every other device where you are signed in? This console stays signed in.</source>
        <translation>要退出您已登录的其他所有设备吗？此控制台会保持登录。</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>Your password was changed. Your other sessions were signed out.</source>
        <translation>密码已修改。您的其他会话已被退出登录。</translation>
    </message>
    <message>
        <source>Enter the six-digit code your authenticator app shows.</source>
        <translation>请输入身份验证器应用显示的六位验证码。</translation>
    </message>
    <message>
        <source>Enter your password and the code your authenticator app shows.</source>
        <translation>请输入密码及身份验证器应用显示的验证码。</translation>
    </message>
    <message>
        <source>Regenerate recovery codes</source>
        <translation>重新生成恢复码</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>Keep these codes somewhere safe. Each one signs you in once instead of a code from your authenticator app. They are shown only now.</source>
        <translation>请将这些恢复码存放在安全的地方。每个恢复码可代替身份验证器应用的验证码登录一次。它们只会在此时显示。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copies the codes; the clipboard is cleared after 30 seconds.</source>
        <translation>复制这些恢复码；剪贴板会在 30 秒后清除。</translation>
    </message>
    <message>
        <source>I have saved them</source>
        <translation>我已保存</translation>
    </message>
    <message>
        <source>Language for e-mails:</source>
        <translation>电子邮件语言：</translation>
    </message>
    <message>
        <source>The language of the e-mails the server sends you, such as password resets.</source>
        <translation>服务器发给您的电子邮件（例如密码重置）所使用的语言。</translation>
    </message>
    <message>
        <source>Could not read it: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Sign out others</source>
        <translation>退出其他设备</translation>
    </message>
</context>
<context>
    <name>hm::app::AgentReleasesDialog</name>
    <message>
        <source>%1 for %2/%3</source>
        <translation>%1，适用于 %2/%3</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>The agent built with this server, offered without an upload.</source>
        <translation>与此服务器一起构建的代理，无需上传即可提供。</translation>
    </message>
    <message>
        <source>Uploaded by an administrator.</source>
        <translation>由管理员上传。</translation>
    </message>
    <message>
        <source>Reading the releases...</source>
        <translation>正在读取版本…</translation>
    </message>
    <message>
        <source>The releases could not be read: %1</source>
        <translation>无法读取版本：%1</translation>
    </message>
    <message>
        <source>No agent releases yet. Upload a build of hivemind-agent, or run the server next to the agent it was built with: it offers that one by itself.</source>
        <translation>尚无代理版本。请上传 hivemind-agent 构建，或让服务器与一起构建的代理放在同一目录运行：服务器会自动提供该版本。</translation>
    </message>
    <message>
        <source>Type the build&apos;s version first, dotted numbers such as 1.4.0.</source>
        <translation>请先输入构建的版本，以点分隔的数字，例如 1.4.0。</translation>
    </message>
    <message>
        <source>Choose the agent build</source>
        <translation>选择代理构建</translation>
    </message>
    <message>
        <source>The build was not uploaded: %1</source>
        <translation>构建未上传：%1</translation>
    </message>
    <message>
        <source>Version %1 was uploaded and signed.</source>
        <translation>版本 %1 已上传并签名。</translation>
    </message>
    <message>
        <source>There is no release to upgrade to yet.</source>
        <translation>尚无可升级的版本。</translation>
    </message>
    <message>
        <source>Upgrade many nodes&apos; agents to the selected release, in stages.</source>
        <translation>分阶段将多个节点的代理升级到所选版本。</translation>
    </message>
    <message>
        <source>Agent releases</source>
        <translation>代理版本</translation>
    </message>
    <message>
        <source>The agent builds this server offers to its nodes. Each is signed with the server&apos;s release key; agents install only builds signed with the key they received at enrolment.</source>
        <translation>此服务器提供给节点的代理构建。每个构建都以服务器的发布密钥签名；代理只安装以注册时获得的密钥签名的构建。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
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
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
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
        <translation>上传构建…</translation>
    </message>
    <message>
        <source>Choose a hivemind-agent binary (up to 128 MiB) to offer as this version.</source>
        <translation>选择要以此版本提供的 hivemind-agent 可执行文件（最多 128 MiB）。</translation>
    </message>
    <message>
        <source>Upgrade agents...</source>
        <translation>升级代理…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>hm::app::AgentRolloutDialog</name>
    <message>
        <source>The nodes could not be read: %1</source>
        <translation>无法读取节点：%1</translation>
    </message>
    <message numerus="yes">
        <source>Upgrade the agents of %n node(s) to version %1? Each restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>
            <numerusform>要将 %n 个节点的代理升级到版本 %1 吗？每个代理会以新构建重新启动，若无法连接服务器则会恢复旧版。</numerusform>
        </translation>
    </message>
    <message>
        <source>Upgrade agents</source>
        <translation>升级代理</translation>
    </message>
    <message>
        <source>Upgrading: the first node alone, then the next stages...</source>
        <translation>升级中：先升级第一个节点，再进行后续阶段…</translation>
    </message>
    <message>
        <source>The upgrade did not start: %1</source>
        <translation>升级未开始：%1</translation>
    </message>
    <message>
        <source>Upgraded: %1 · failed: %2 · offline: %3 · not found: %4 · not tried: %5</source>
        <translation>已升级：%1 · 失败：%2 · 离线：%3 · 未找到：%4 · 未尝试：%5</translation>
    </message>
    <message>
        <source>Waiting for its stage...</source>
        <translation>等待所属阶段…</translation>
    </message>
    <message>
        <source>Upgraded to %1</source>
        <translation>已升级到 %1</translation>
    </message>
    <message>
        <source>Failed: rolled back to the old agent</source>
        <translation>失败：已回滚到旧的代理</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
    <message>
        <source>Offline: not tried</source>
        <translation>离线：未尝试</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Not tried: an earlier stage failed</source>
        <translation>未尝试：之前的阶段失败</translation>
    </message>
    <message>
        <source>Tick the nodes to upgrade first.</source>
        <translation>请先勾选要升级的节点。</translation>
    </message>
    <message>
        <source>First one node, then %1 % of the rest, then the rest. The first failure stops the rollout.</source>
        <translation>先升级一个节点，再升级其余的 %1 %，最后升级剩下的节点。第一次失败即停止推出。</translation>
    </message>
    <message>
        <source>Choose the release and the nodes. Their agents are upgraded in stages and each node&apos;s result shows as it ends.</source>
        <translation>选择版本与节点。其代理会分阶段升级，每个节点完成时即显示结果。</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>版本(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. prod</source>
        <translation>例如 prod</translation>
    </message>
    <message>
        <source>Select labelled</source>
        <translation>选择带此标签的</translation>
    </message>
    <message>
        <source>Tick exactly the nodes with this label.</source>
        <translation>只勾选带有此标签的节点。</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>代理版本</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Waiting for enrolment</source>
        <translation>等待注册</translation>
    </message>
    <message>
        <source>&amp;Second stage:</source>
        <translation>第二阶段(&amp;S)：</translation>
    </message>
    <message>
        <source>Start upgrade</source>
        <translation>开始升级</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Agent upgrade to %1</source>
        <translation>将代理升级到 %1</translation>
    </message>
    <message>
        <source>Not started: the password was not given.</source>
        <translation>未开始：未提供密码。</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertChannelDialog</name>
    <message>
        <source>Edit channel</source>
        <translation>编辑通知渠道</translation>
    </message>
    <message>
        <source>Each alert that fires or resolves is posted to the URL as JSON, signed with the secret (the X-HiveMind-Signature header, HMAC-SHA256), and tried again for a while when the receiver does not answer.</source>
        <translation>每条触发或解决的告警都会以 JSON 格式 POST 到该 URL，并用密钥签名；接收端没有响应时，会在一段时间内重试。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>网址(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>密钥(&amp;S)：</translation>
    </message>
    <message>
        <source>Unchanged; type to replace it</source>
        <translation>保持不变；输入即可替换</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 到 %2 个字符</translation>
    </message>
    <message>
        <source>The receiver checks each message&apos;s signature with it. It is stored sealed and never shown again.</source>
        <translation>接收端用它校验每条消息的签名。密钥会加密保存，且不会再次显示。</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>A random secret, shown so that you can give it to the receiver.</source>
        <translation>生成随机密钥并显示出来，以便提供给接收端。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copies the secret; the clipboard is cleared after 30 seconds.</source>
        <translation>复制密钥；剪贴板会在 30 秒后清除。</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A channel needs a name.</source>
        <translation>通知渠道需要名称。</translation>
    </message>
    <message>
        <source>An http:// or https:// address.</source>
        <translation>请输入 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>%1 to %2 characters.</source>
        <translation>%1 到 %2 个字符。</translation>
    </message>
    <message>
        <source>For example %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>新建通知渠道</translation>
    </message>
    <message>
        <source>Each alert that fires or resolves is mailed to the recipients through your SMTP server, over STARTTLS or TLS unless you choose otherwise, and tried again for a while when the server is unavailable.</source>
        <translation>每条触发或解决的告警都会通过您的 SMTP 服务器发送给收件人，除非另行选择，一律使用 STARTTLS 或 TLS；服务器不可用时，会在一段时间内重试。</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook 回调</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTP 服务器(&amp;S)：</translation>
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
        <translation>STARTTLS（推荐）</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS（隐式）</translation>
    </message>
    <message>
        <source>None: only for a relay on a trusted network</source>
        <translation>无：仅限受信任网络上的中继服务器</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>用户名(&amp;M)：</translation>
    </message>
    <message>
        <source>Optional: no sign-in when empty</source>
        <translation>可选：留空则不登录</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>The SMTP user&apos;s password</source>
        <translation>SMTP 用户的密码</translation>
    </message>
    <message>
        <source>Stored sealed and never shown again.</source>
        <translation>加密保存，且不会再次显示。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>发件人(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>Addresses, separated by commas</source>
        <translation>以逗号分隔的地址</translation>
    </message>
    <message>
        <source>Trusted C&amp;A:</source>
        <translation>信任的证书颁发机构(&amp;A)：</translation>
    </message>
    <message>
        <source>Optional: the PEM certificate of a private CA the SMTP server&apos;s certificate is signed by</source>
        <translation>可选：签发 SMTP 服务器证书的私有证书颁发机构的 PEM 证书</translation>
    </message>
    <message>
        <source>One e-mail address.</source>
        <translation>请输入一个电子邮件地址。</translation>
    </message>
    <message>
        <source>1 to 20 e-mail addresses, separated by commas.</source>
        <translation>1 到 20 个电子邮件地址，以逗号分隔。</translation>
    </message>
    <message>
        <source>A user name needs its password.</source>
        <translation>有用户名就需要密码。</translation>
    </message>
    <message>
        <source>A PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>PEM 证书（&quot;-----BEGIN CERTIFICATE-----&quot;）。</translation>
    </message>
    <message>
        <source>Port </source>
        <translation>端口 </translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The language of the messages&apos; subject and text.</source>
        <translation>邮件主题与正文所用的语言。</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Shows the secret so that you can check and select it.</source>
        <translation>显示密钥，便于核对和选择。</translation>
    </message>
    <message>
        <source>The SMTP server&apos;s host name.</source>
        <translation>SMTP 服务器的主机名。</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertChannelModel</name>
    <message>
        <source>Webhook</source>
        <translation>Webhook 回调</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>发送到</translation>
    </message>
    <message>
        <source>%1 (through %2)</source>
        <translation>%1（经由 %2）</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertNotifier</name>
    <message>
        <source>Resolved: %1</source>
        <translation>已解决：%1</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <source>%1 is back to normal.</source>
        <translation>%1 已恢复正常。</translation>
    </message>
    <message>
        <source>%1 is offline.</source>
        <translation>%1 已离线。</translation>
    </message>
    <message>
        <source>%1: %2, over the threshold of %3.</source>
        <translation>%1：%2，超过阈值 %3。</translation>
    </message>
    <message>
        <source>%1: %2 (%3).</source>
        <translation>%1：%2（%3）。</translation>
    </message>
    <message>
        <source>%1: resolved by %2.</source>
        <translation>%1：已由 %2 解决。</translation>
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
        <translation>该规则之后已被删除。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertRuleDialog</name>
    <message>
        <source>Edit alert rule</source>
        <translation>编辑告警规则</translation>
    </message>
    <message>
        <source>New alert rule</source>
        <translation>新建告警规则</translation>
    </message>
    <message>
        <source>A changed rule starts over: its open alerts resolve and it is checked afresh against the next reports.</source>
        <translation>修改后的规则会重新开始：其未解决的告警会被解决，并以之后的上报重新检查。</translation>
    </message>
    <message>
        <source>The server checks every report of the nodes the rule applies to and raises an alert when the condition holds for the time given.</source>
        <translation>服务器会检查规则适用节点的每一条上报，当条件持续达到指定时间时发出告警。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Watch:</source>
        <translation>监控(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Over:</source>
        <translation>超过(&amp;O)：</translation>
    </message>
    <message>
        <source>Offline &amp;for:</source>
        <translation>离线持续(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>持续(&amp;F)：</translation>
    </message>
    <message>
        <source>0: the first report over the threshold fires. At most 24 hours.</source>
        <translation>0：第一条超过阈值的上报即触发。最长 24 小时。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>应用于(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>A disabled rule is kept but not checked.</source>
        <translation>停用的规则会保留，但不会被检查。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>An offline rule has no threshold: it fires when the agent has been away for the time below.</source>
        <translation>离线规则没有阈值：代理离线达到下方时间即触发。</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/秒</translation>
    </message>
    <message>
        <source>Node offline</source>
        <translation>节点离线</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>A rule needs a name.</source>
        <translation>规则需要名称。</translation>
    </message>
    <message>
        <source>Pick the node the rule watches.</source>
        <translation>请选择该规则监控的节点。</translation>
    </message>
    <message>
        <source>&amp;Probe:</source>
        <translation>探测(&amp;P)：</translation>
    </message>
    <message>
        <source>No probe yet: add one under Probes</source>
        <translation>尚无探测：请在“探测”标签页添加</translation>
    </message>
    <message>
        <source>The probes could not be read: %1</source>
        <translation>无法读取探测：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>A probe rule has no threshold: it fires while the probe finds its target down.</source>
        <translation>探测规则没有阈值：探测发现目标失败时即触发。</translation>
    </message>
    <message>
        <source>&amp;Under:</source>
        <translation>低于(&amp;U)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>a probe</source>
        <translation>某个探测</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 失败</translation>
    </message>
    <message>
        <source>Certificate of %1 %2</source>
        <translation>%1 的证书 %2</translation>
    </message>
    <message>
        <source>Pick the probe the rule watches.</source>
        <translation>请选择规则监视的探测。</translation>
    </message>
    <message>
        <source>Re&amp;mind:</source>
        <translation>再次通知(&amp;M)：</translation>
    </message>
    <message>
        <source>While an alert of this rule stays open, its channels are told again this often.</source>
        <translation>此规则的告警持续未解决时，按此间隔再次通知其通道。</translation>
    </message>
    <message>
        <source>&amp;Container:</source>
        <translation>容器(&amp;C)：</translation>
    </message>
    <message>
        <source>A name, web-* or any</source>
        <translation>名称、web-* 或 any</translation>
    </message>
    <message>
        <source>The container&apos;s name as Docker shows it; * and ? match any characters, any watches every container of the node.</source>
        <translation>Docker 显示的容器名称；* 和 ? 可匹配任意字符，any 则监视节点上的所有容器。</translation>
    </message>
    <message>
        <source>A container rule has no threshold: it fires while one of its containers is down (or unhealthy).</source>
        <translation>容器规则没有阈值：只要其中一个容器停止运行（或不健康）就会触发。</translation>
    </message>
    <message>
        <source>Name the container, a pattern such as web-*, or any.</source>
        <translation>请输入容器名称、web-* 之类的模式，或 any。</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertRuleModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>For</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>应用于</translation>
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
        <translation>尚无告警</translation>
    </message>
    <message>
        <source>More alerts could not be read: %1</source>
        <translation>无法读取更多告警：%1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>What fired on your nodes, and the rules the server checks every report against.</source>
        <translation>节点上触发的告警，以及服务器用来检查每条上报的规则。</translation>
    </message>
    <message>
        <source>New rule...</source>
        <translation>新建规则…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>未解决的告警</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>所有告警</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a rule first.</source>
        <translation>请先选择一条规则。</translation>
    </message>
    <message>
        <source>A rule that raises an alert when nodes report a value over a threshold or go offline.</source>
        <translation>当节点上报的数值超过阈值或离线时发出告警的规则。</translation>
    </message>
    <message>
        <source>Change what the rule watches and where.</source>
        <translation>修改规则监控的内容和范围。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Keep the rule but stop checking it; its open alerts resolve.</source>
        <translation>保留规则但停止检查；其未解决的告警会被解决。</translation>
    </message>
    <message>
        <source>Check the rule again from the next reports.</source>
        <translation>从之后的上报开始再次检查该规则。</translation>
    </message>
    <message>
        <source>Delete the rule; the alerts it raised stay in the history.</source>
        <translation>删除规则；它发出的告警仍保留在历史中。</translation>
    </message>
    <message>
        <source>Select an alert first.</source>
        <translation>请先选择一条告警。</translation>
    </message>
    <message>
        <source>This alert is resolved already.</source>
        <translation>该告警已经解决。</translation>
    </message>
    <message>
        <source>Mark the alert resolved. While its condition still holds no new alert opens; the rule fires again once it cleared.</source>
        <translation>将告警标记为已解决。条件仍成立时不会产生新告警；条件解除后规则才会再次触发。</translation>
    </message>
    <message>
        <source>The alerts could not be read</source>
        <translation>无法读取告警</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No alert of this type</source>
        <translation>没有该类型的告警</translation>
    </message>
    <message>
        <source>No %1 alert is open.</source>
        <translation>没有未解决的“%1”告警。</translation>
    </message>
    <message>
        <source>No %1 alert has fired.</source>
        <translation>从未触发过“%1”告警。</translation>
    </message>
    <message>
        <source>Nothing is firing</source>
        <translation>当前没有触发中的告警</translation>
    </message>
    <message>
        <source>Every node is within its rules. Alerts that fired and resolved are under &quot;All alerts&quot;.</source>
        <translation>所有节点都符合规则。已触发并解决的告警可在“所有告警”中查看。</translation>
    </message>
    <message>
        <source>No rule watches the nodes yet. Create one under Rules: the server raises an alert here and on this desktop when it fires.</source>
        <translation>当前没有规则监控节点。请在“规则”中创建一条：触发时，服务器会在这里和此桌面发出告警。</translation>
    </message>
    <message>
        <source>Show all alerts</source>
        <translation>显示所有告警</translation>
    </message>
    <message>
        <source>No rule has fired. Alerts that fire and resolve stay here as the history.</source>
        <translation>尚未有规则触发。触发和解决的告警会作为历史保留在这里。</translation>
    </message>
    <message>
        <source>The rules could not be read</source>
        <translation>无法读取规则</translation>
    </message>
    <message>
        <source>No rules yet</source>
        <translation>暂无规则</translation>
    </message>
    <message>
        <source>A rule watches one value of your nodes (CPU, memory, disk, load, network) or whether they are online, and raises an alert when it holds for the time you give.</source>
        <translation>规则监控节点的一项数值（处理器、内存、磁盘、负载、网络）或节点是否在线，并在条件持续达到您指定的时间时发出告警。</translation>
    </message>
    <message>
        <source>Sign in to see the alerts.</source>
        <translation>登录后即可查看告警。</translation>
    </message>
    <message>
        <source>Loading rules...</source>
        <translation>正在加载规则…</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading alerts...</source>
        <translation>正在加载告警…</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n 条告警触发中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alert(s) shown</source>
        <translation>
            <numerusform>显示 %1 / %n 条告警</numerusform>
        </translation>
    </message>
    <message>
        <source>The rule was not changed: %1</source>
        <translation>规则未修改：%1</translation>
    </message>
    <message>
        <source>Delete alert rule</source>
        <translation>删除告警规则</translation>
    </message>
    <message>
        <source>Delete the rule &quot;%1&quot;? Its open alerts resolve; the alerts it raised stay in the history.</source>
        <translation>要删除规则“%1”吗？其未解决的告警会被解决；它发出的告警仍保留在历史中。</translation>
    </message>
    <message>
        <source>The rule was not deleted: %1</source>
        <translation>规则未删除：%1</translation>
    </message>
    <message>
        <source>The alert was not resolved: %1</source>
        <translation>告警未解决：%1</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通知渠道</translation>
    </message>
    <message>
        <source>New channel...</source>
        <translation>新建通知渠道…</translation>
    </message>
    <message>
        <source>Select a channel first.</source>
        <translation>请先选择一个通知渠道。</translation>
    </message>
    <message>
        <source>Change the URL, the secret or the name.</source>
        <translation>修改 URL、密钥或名称。</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Send a test message now and say how it went.</source>
        <translation>立即发送测试消息并显示结果。</translation>
    </message>
    <message>
        <source>Delete the channel and the record of its deliveries.</source>
        <translation>删除该通知渠道及其发送记录。</translation>
    </message>
    <message>
        <source>Channels are for administrators</source>
        <translation>通知渠道仅供管理员设置</translation>
    </message>
    <message>
        <source>The channels could not be read</source>
        <translation>无法读取通知渠道</translation>
    </message>
    <message>
        <source>No channels yet</source>
        <translation>暂无通知渠道</translation>
    </message>
    <message>
        <source>Loading channels...</source>
        <translation>正在加载通知渠道…</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n 个通知渠道</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending a test message to &quot;%1&quot;...</source>
        <translation>正在向“%1”发送测试消息…</translation>
    </message>
    <message>
        <source>The channel was not tested: %1</source>
        <translation>未能测试通知渠道：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; received the test message (HTTP %2, %3 ms).</source>
        <translation>“%1”已收到测试消息（HTTP %2，%3 毫秒）。</translation>
    </message>
    <message>
        <source>The test message to &quot;%1&quot; failed: %2.</source>
        <translation>发送到“%1”的测试消息失败：%2。</translation>
    </message>
    <message>
        <source>Delete channel</source>
        <translation>删除通知渠道</translation>
    </message>
    <message>
        <source>Delete the channel &quot;%1&quot;? Alerts are no longer sent there; the record of its deliveries goes with it.</source>
        <translation>要删除通知渠道“%1”吗？告警将不再发送到该处，其发送记录也会一并删除。</translation>
    </message>
    <message>
        <source>The channel was not deleted: %1</source>
        <translation>未能删除通知渠道：%1</translation>
    </message>
    <message>
        <source>A webhook or a mailbox that receives every alert that fires or resolves.</source>
        <translation>接收每条触发或解决告警的 Webhook 或邮箱。</translation>
    </message>
    <message>
        <source>Administrators choose where alerts are sent besides the consoles: webhooks and mailboxes that receive every alert. The alerts and rules are yours to read.</source>
        <translation>除了控制台之外，告警发送到哪里由管理员决定：接收每条告警的 Webhook 和邮箱。您可以查看告警和规则。</translation>
    </message>
    <message>
        <source>Alerts show here and on the desktops of the consoles signed in. Add a webhook or an e-mail channel to send them to a chat, a pager, a mailbox or your own tooling as well.</source>
        <translation>告警会显示在这里以及已登录控制台的桌面上。添加 Webhook 或电子邮件通知渠道，即可同时将告警发送到聊天群、寻呼器、邮箱或您自己的工具。</translation>
    </message>
    <message>
        <source>The SMTP server took the test message for &quot;%1&quot; (reply %2, %3 ms).</source>
        <translation>SMTP 服务器已接收“%1”的测试消息（回复码 %2，%3 毫秒）。</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <source>Plan maintenance...</source>
        <translation>计划维护…</translation>
    </message>
    <message>
        <source>End now...</source>
        <translation>立即结束…</translation>
    </message>
    <message>
        <source>Hold back the alerts of some nodes while you work on them.</source>
        <translation>在您处理部分节点期间暂缓其告警。</translation>
    </message>
    <message>
        <source>End the window now: its nodes raise alerts again.</source>
        <translation>立即结束此维护时段：其节点将再次触发告警。</translation>
    </message>
    <message>
        <source>Select a window first.</source>
        <translation>请先选择一个维护时段。</translation>
    </message>
    <message>
        <source>The maintenance windows could not be read</source>
        <translation>无法读取维护时段</translation>
    </message>
    <message>
        <source>No maintenance planned</source>
        <translation>尚未计划维护</translation>
    </message>
    <message>
        <source>Before you reboot or upgrade nodes, plan a window: the rules raise no alert on the nodes it covers until it ends, so nobody is paged for work you expect.</source>
        <translation>重启或升级节点前，请先计划维护时段：时段结束前，规则不会对其覆盖的节点触发告警，预期中的操作就不会惊动值班人员。</translation>
    </message>
    <message>
        <source>Plan maintenance</source>
        <translation>计划维护</translation>
    </message>
    <message>
        <source>Loading maintenance windows...</source>
        <translation>正在加载维护时段…</translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance window(s), %1 in progress</source>
        <translation>
            <numerusform>%n 个维护时段，%1 个进行中</numerusform>
        </translation>
    </message>
    <message>
        <source>End the window &quot;%1&quot; now? Its nodes raise alerts again; a value still over its threshold fires once the rule&apos;s time has passed.</source>
        <translation>要立即结束维护时段“%1”吗？其节点将再次触发告警；仍超过阈值的数值会在规则的持续时间过后触发。</translation>
    </message>
    <message>
        <source>Cancel the planned window &quot;%1&quot;? Alerts will not be held back.</source>
        <translation>要取消已计划的维护时段“%1”吗？告警将不再暂缓。</translation>
    </message>
    <message>
        <source>End maintenance</source>
        <translation>结束维护</translation>
    </message>
    <message>
        <source>The window was not ended: %1</source>
        <translation>维护时段未能结束：%1</translation>
    </message>
    <message>
        <source>Unhealthy containers on %1: %2</source>
        <translation>%1 上不健康的容器：%2</translation>
    </message>
    <message>
        <source>Containers down on %1: %2</source>
        <translation>%1 上已停止的容器：%2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>立即结束</translation>
    </message>
    <message>
        <source>Cancel window</source>
        <translation>取消时段</translation>
    </message>
    <message>
        <source>Keep window</source>
        <translation>保留时段</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeyDialog</name>
    <message>
        <source>&quot;%1&quot; is not an IP address or a CIDR range such as 10.0.0.0/8.</source>
        <translation>“%1”不是 IP 地址，也不是 10.0.0.0/8 之类的网段。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with &quot;/&quot;, for example /api/v1/flows*.</source>
        <translation>“%1”必须以“/”开头，例如 &quot;/api/v1/flows*&quot;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a path pattern: use a path with * as the wildcard.</source>
        <translation>“%1”不是路径模式：请使用以 * 为通配符的路径。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a permission: use area.view, area.execute, area.edit, area.* or *.</source>
        <translation>“%1”不是权限：请使用 &quot;area.view&quot;、&quot;area.execute&quot;、&quot;area.edit&quot;、&quot;area.*&quot; 或 &quot;*&quot;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an area of the server; known: %2.</source>
        <translation>“%1”不是服务器的范围；已知范围：%2。</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>新建 API 密钥</translation>
    </message>
    <message>
        <source>A key lets a script or another program use the API as you, limited to what you choose here. Its secret is shown once, after it is created.</source>
        <translation>密钥让脚本或其他程序以您的身份使用 API，并受限于此处的设置。密钥内容只会在创建后显示一次。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Access level:</source>
        <translation>访问级别：</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>权限：</translation>
    </message>
    <message>
        <source>Allowed IPs:</source>
        <translation>允许的 IP：</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>端点：</translation>
    </message>
    <message>
        <source>Rate / burst:</source>
        <translation>速率／突发：</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>到期：</translation>
    </message>
    <message>
        <source>e.g. nightly backup script</source>
        <translation>例如：每晚备份脚本</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>GET requests only.</source>
        <translation>仅限读取（&quot;GET&quot;）请求。</translation>
    </message>
    <message>
        <source>Reads and changes, as a user.</source>
        <translation>以用户身份读取和更改。</translation>
    </message>
    <message>
        <source>Everything an administrator may do.</source>
        <translation>管理员可执行的一切操作。</translation>
    </message>
    <message>
        <source>empty = all the access level allows; e.g. flows.view, executions.execute</source>
        <translation>留空 = 访问级别允许的全部；例如 &quot;flows.view, executions.execute&quot;</translation>
    </message>
    <message>
        <source>area.view, area.execute, area.edit, area.* or *, separated by commas.</source>
        <translation>&quot;area.view&quot;、&quot;area.execute&quot;、&quot;area.edit&quot;、&quot;area.*&quot; 或 &quot;*&quot;，以逗号分隔。</translation>
    </message>
    <message>
        <source>empty = any address; one address or CIDR per line, e.g. 192.168.1.0/24</source>
        <translation>留空 = 任何地址；每行一个地址或网段，例如 192.168.1.0/24</translation>
    </message>
    <message>
        <source>empty = every endpoint; one path pattern per line, e.g. /api/v1/flows*</source>
        <translation>留空 = 所有端点；每行一个路径模式，例如 &quot;/api/v1/flows*&quot;</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>服务器默认</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> 次/分钟</translation>
    </message>
    <message>
        <source>Requests per minute this key may make; 0 keeps the server&apos;s default.</source>
        <translation>此密钥每分钟可发出的请求数；0 表示使用服务器默认值。</translation>
    </message>
    <message>
        <source>no burst</source>
        <translation>无突发</translation>
    </message>
    <message>
        <source> burst</source>
        <translation> 突发</translation>
    </message>
    <message>
        <source>Requests the key may make at once above its rate (token bucket); needs a rate limit.</source>
        <translation>密钥可在速率之外一次发出的请求数（令牌桶）；需先设置速率限制。</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>A key needs a name.</source>
        <translation>密钥需要名称。</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>到期时间必须是将来的时间。</translation>
    </message>
    <message>
        <source>Everything the access level allows (*)</source>
        <translation>访问级别允许的全部 (*)</translation>
    </message>
    <message>
        <source>View (%1)</source>
        <translation>查看 (%1)</translation>
    </message>
    <message>
        <source>Run (%1)</source>
        <translation>运行 (%1)</translation>
    </message>
    <message>
        <source>Change (%1)</source>
        <translation>更改 (%1)</translation>
    </message>
    <message>
        <source>Everything in this area (%1)</source>
        <translation>此范围的全部 (%1)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Pick permissions from the ones the server defines</source>
        <translation>从服务器定义的权限中挑选</translation>
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
        <translation>按访问级别</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1 次/分钟</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>服务器默认</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未使用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Allowed IPs</source>
        <translation>允许的 IP</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>突发</translation>
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
            <numerusform>已复制。若剪贴板仍是此密钥，将在 %n 秒后清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>已创建 API 密钥</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; was created.</source>
        <translation>已创建密钥“%1”。</translation>
    </message>
    <message>
        <source>Copy the key now: this is the only time it is shown. The server keeps only a hash of it; if it is lost, revoke it and create a new one. Send it as the X-API-Key header.</source>
        <translation>请立即复制密钥：它只会显示这一次。服务器只保存其哈希值；若丢失，请撤销后再创建新的密钥。使用时请放在 &quot;X-API-Key&quot; 请求头中。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeysPanel</name>
    <message>
        <source>Keys let scripts and other programs use the server&apos;s API as you, within the limits set on each key.</source>
        <translation>密钥让脚本和其他程序以您的身份使用服务器的 API，并受各密钥的限制约束。</translation>
    </message>
    <message>
        <source>New API key...</source>
        <translation>新建 API 密钥…</translation>
    </message>
    <message>
        <source>Revoke...</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Create a key; its secret is shown once.</source>
        <translation>创建密钥；密钥内容只显示一次。</translation>
    </message>
    <message>
        <source>Revoke the selected key: programs using it stop working at once.</source>
        <translation>撤销所选密钥：使用它的程序会立即失效。</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>请先选择密钥。</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in to see your API keys.</source>
        <translation>当前无人登录。请登录以查看您的 API 密钥。</translation>
    </message>
    <message>
        <source>Loading API keys...</source>
        <translation>正在加载 API 密钥…</translation>
    </message>
    <message>
        <source>The keys could not be read: %1</source>
        <translation>无法读取密钥：%1</translation>
    </message>
    <message>
        <source>You have no API keys. Viewers cannot create keys; ask an administrator if a program needs one.</source>
        <translation>您没有 API 密钥。查看者无法创建密钥；若程序需要，请联系管理员。</translation>
    </message>
    <message>
        <source>You have no API keys yet. Create one with &quot;New API key&quot; when a script or program needs to use the API.</source>
        <translation>您还没有 API 密钥。当脚本或程序需要使用 API 时，请点击“新建 API 密钥”创建。</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 个密钥</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>撤销 API 密钥</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot; (%2)? Programs using it are refused from now on. This cannot be undone.</source>
        <translation>要撤销密钥“%1”（%2）吗？使用它的程序从此会被拒绝。此操作无法撤消。</translation>
    </message>
    <message>
        <source>The key was not revoked: %1</source>
        <translation>密钥未撤销：%1</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>hm::app::ArrayField</name>
    <message>
        <source>Add Item</source>
        <translation>添加项</translation>
    </message>
    <message>
        <source>Add an item to %1</source>
        <translation>向 %1 添加一项</translation>
    </message>
    <message>
        <source>From %1 to %2 items.</source>
        <translation>%1 到 %2 项。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n item(s).</source>
        <translation>
            <numerusform>最多 %n 项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n item(s).</source>
        <translation>
            <numerusform>至少 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>删除此项</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <translation>删除第 %1 项</translation>
    </message>
</context>
<context>
    <name>hm::app::AuditListModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>hm::app::AuditLogsPage</name>
    <message>
        <source>read the audit trail</source>
        <translation>读取审计记录</translation>
    </message>
    <message>
        <source>read the server logs</source>
        <translation>读取服务器日志</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>过去 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>过去 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>Export Server Logs</source>
        <translation>导出服务器日志</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>export the logs</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved the logs to %1.</source>
        <translation>已将日志保存到 %1。</translation>
    </message>
    <message>
        <source>Sign in to read the audit trail and the server logs.</source>
        <translation>请登录以读取审计记录和服务器日志。</translation>
    </message>
    <message>
        <source>Only administrators may read the audit trail and the server logs; you are signed in as %1.</source>
        <translation>只有管理员才能读取审计记录和服务器日志；您当前以 %1 身份登录。</translation>
    </message>
    <message>
        <source>Download the records that match the filters as a file</source>
        <translation>将符合筛选条件的记录下载为文件</translation>
    </message>
    <message>
        <source>Sign in to read the audit trail.</source>
        <translation>请登录以读取审计记录。</translation>
    </message>
    <message>
        <source>Only administrators may read the audit trail.</source>
        <translation>只有管理员才能读取审计记录。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No audit entries match these filters.</source>
        <translation>没有符合这些筛选条件的审计条目。</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n entries</source>
        <translation>
            <numerusform>显示 %1 条，共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to read the server logs.</source>
        <translation>请登录以读取服务器日志。</translation>
    </message>
    <message>
        <source>Only administrators may read the server logs.</source>
        <translation>只有管理员才能读取服务器日志。</translation>
    </message>
    <message>
        <source>No log records match these filters.</source>
        <translation>没有符合这些筛选条件的日志记录。</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n records</source>
        <translation>
            <numerusform>显示 %1 条，共 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Following new records live.</source>
        <translation>%1 正在实时跟踪新记录。</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>审计与日志</translation>
    </message>
    <message>
        <source>Who did what on this server, and what the server itself reported. Administrators only.</source>
        <translation>谁在这台服务器上做了什么，以及服务器自身报告了什么。仅限管理员。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Server logs</source>
        <translation>服务器日志</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>所有用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>资源类型</translation>
    </message>
    <message>
        <source>Any resource</source>
        <translation>所有资源</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Errors and above</source>
        <translation>错误及以上</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>仅严重</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Text in the message</source>
        <translation>消息中的文本</translation>
    </message>
    <message>
        <source>Live tail</source>
        <translation>实时跟踪</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <source>Export Audit Trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Saved the audit trail to %1.</source>
        <translation>已将审计记录保存到 %1。</translation>
    </message>
    <message>
        <source>Download the entries that match the filters as a file</source>
        <translation>将符合筛选条件的条目下载为文件</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <source>Pick an action, or type part of its name or code</source>
        <translation>选择操作，或输入其名称或代码的一部分</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>所有节点</translation>
    </message>
</context>
<context>
    <name>hm::app::BackgroundTaskList</name>
    <message>
        <source>Background tasks</source>
        <translation>后台任务</translation>
    </message>
    <message>
        <source>No background tasks.</source>
        <translation>没有后台任务。</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <source>Running… %1 %</source>
        <translation>运行中… %1 %</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
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
            <numerusform>%n 个任务运行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) finished</source>
        <translation>
            <numerusform>%n 个任务已结束</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the background tasks</source>
        <translation>显示后台任务</translation>
    </message>
</context>
<context>
    <name>hm::app::BackupListModel</name>
    <message>
        <source>Scheduled</source>
        <translation>定时</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Being made (%1 %)</source>
        <translation>创建中（%1 %）</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>hm::app::BackupsTab</name>
    <message>
        <source>the file was changed after it was made</source>
        <translation>文件在创建后被修改过</translation>
    </message>
    <message>
        <source>the file is cut off</source>
        <translation>文件不完整</translation>
    </message>
    <message>
        <source>the file is not a HiveMind backup</source>
        <translation>该文件不是 HiveMind 备份</translation>
    </message>
    <message>
        <source>the backup was made with another master key</source>
        <translation>该备份是用另一个主密钥创建的</translation>
    </message>
    <message>
        <source>the file&apos;s checksum does not match</source>
        <translation>文件的校验和不匹配</translation>
    </message>
    <message>
        <source>the backup&apos;s database cannot be brought to this server&apos;s version</source>
        <translation>备份的数据库无法升级到此服务器的版本</translation>
    </message>
    <message>
        <source>another backup is being made</source>
        <translation>另一个备份正在创建中</translation>
    </message>
    <message>
        <source>another restore is being prepared</source>
        <translation>另一个恢复正在准备中</translation>
    </message>
    <message>
        <source>Backing up… %1 %</source>
        <translation>备份中… %1 %</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Backup %1 is complete (%2). It is useless without the server&apos;s master key: keep a copy of the master key apart from the backups.</source>
        <translation>备份 %1 已完成（%2）。没有服务器的主密钥，备份就无法使用：请将主密钥的副本与备份分开保存。</translation>
    </message>
    <message>
        <source>Backup %1 is complete</source>
        <translation>备份 %1 已完成</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>备份中…</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>未创建备份</translation>
    </message>
    <message>
        <source>Uploading %1 (%2)…</source>
        <translation>正在上传 %1（%2）…</translation>
    </message>
    <message>
        <source>Downloading to %1 (%2)…</source>
        <translation>正在下载到 %1（%2）…</translation>
    </message>
    <message>
        <source>Save the backup file</source>
        <translation>保存备份文件</translation>
    </message>
    <message>
        <source>HiveMind backups (*.hmbackup)</source>
        <translation>HiveMind 备份 (*.hmbackup)</translation>
    </message>
    <message>
        <source>Saved to %1. Keep it with care: it holds every secret of the server, readable with the master key.</source>
        <translation>已保存到 %1。请妥善保管：它包含服务器的所有机密，持有主密钥即可读取。</translation>
    </message>
    <message>
        <source>The download stopped (start it again to go on)</source>
        <translation>下载已中断（再次开始即可继续）</translation>
    </message>
    <message>
        <source>The download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>Downloading to %1…</source>
        <translation>正在下载到 %1…</translation>
    </message>
    <message>
        <source>Upload a backup file</source>
        <translation>上传备份文件</translation>
    </message>
    <message>
        <source>HiveMind backups (*.hmbackup);;All files (*)</source>
        <translation>HiveMind 备份 (*.hmbackup);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Uploaded as %1: the server checked it with its master key.</source>
        <translation>已上传为 %1：服务器已用其主密钥检查过。</translation>
    </message>
    <message>
        <source>The upload was refused</source>
        <translation>上传被拒绝</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>正在上传 %1…</translation>
    </message>
    <message>
        <source>Restore the backup of %1?

It replaces the server&apos;s whole database — flows, executions, users, credentials, nodes, settings and the audit trail — with the backup&apos;s, as it was then. Everything done since is lost. The restore is applied when the server starts next; the current database is kept beside it.</source>
        <translation>要恢复 %1 的备份吗？

这会用备份当时的内容替换服务器的整个数据库——流程、执行记录、用户、凭据、节点、设置和审计记录。此后所做的一切都会丢失。恢复会在服务器下次启动时应用；当前数据库会保留在旁。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Checking and preparing the restore…</source>
        <translation>正在检查并准备恢复…</translation>
    </message>
    <message>
        <source>The restore was refused</source>
        <translation>恢复被拒绝</translation>
    </message>
    <message>
        <source>The backup of %1 is checked and staged: restart the server to apply it.</source>
        <translation>%1 的备份已检查并准备就绪：重启服务器即可应用。</translation>
    </message>
    <message>
        <source>Restore staged: restart the server to apply it</source>
        <translation>恢复已准备就绪：重启服务器即可应用</translation>
    </message>
    <message>
        <source>Delete a backup</source>
        <translation>删除备份</translation>
    </message>
    <message>
        <source>Delete the backup %1 and its file? This cannot be undone.</source>
        <translation>要删除备份 %1 及其文件吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>The backup was not deleted</source>
        <translation>备份未删除</translation>
    </message>
    <message>
        <source>Backup %1 deleted.</source>
        <translation>已删除备份 %1。</translation>
    </message>
    <message>
        <source>Only administrators see and manage backups.</source>
        <translation>只有管理员可以查看和管理备份。</translation>
    </message>
    <message>
        <source>A backup holds the whole database, encrypted. It is useless without the server&apos;s master key, which is never in a backup: keep a copy of the master key apart from the backups.</source>
        <translation>备份包含加密后的整个数据库。没有服务器的主密钥，备份就无法使用，而主密钥从不包含在备份中：请将主密钥的副本与备份分开保存。</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>创建备份</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>上传…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Edit schedule…</source>
        <translation>编辑计划…</translation>
    </message>
    <message>
        <source>Scheduled backups: every day at %1.</source>
        <translation>定时备份：每天 %1。</translation>
    </message>
    <message>
        <source>Scheduled backups: every %1 at %2.</source>
        <translation>定时备份：每%1 %2。</translation>
    </message>
    <message>
        <source>Scheduled backups: off.</source>
        <translation>定时备份：关闭。</translation>
    </message>
    <message numerus="yes">
        <source>Kept: the newest %n, and one per week for %1 weeks.</source>
        <translation>
            <numerusform>保留：最新的 %n 份，以及 %1 周内每周一份。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: the console left that server.</source>
        <translation>已停止：控制台已离开该服务器。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept.</source>
        <translation>已取消：未保留任何内容。</translation>
    </message>
    <message>
        <source>Backup of the server</source>
        <translation>备份服务器</translation>
    </message>
    <message>
        <source>Download of the backup %1</source>
        <translation>下载备份 %1</translation>
    </message>
    <message>
        <source>Upload of the backup file %1</source>
        <translation>上传备份文件 %1</translation>
    </message>
    <message>
        <source>Restore of the backup of %1</source>
        <translation>恢复 %1 的备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::BgpAnnounceDialog</name>
    <message>
        <source>Add the prefix length, e.g. 198.51.100.0/24 or 2001:db8:100::/40.</source>
        <translation>请加上前缀长度，例如 198.51.100.0/24 或 2001:db8:100::/40。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address.</source>
        <translation>“%1”不是 IPv4 或 IPv6 地址。</translation>
    </message>
    <message>
        <source>The prefix length must be 0 to %1.</source>
        <translation>前缀长度必须介于 0 到 %1。</translation>
    </message>
    <message>
        <source>Host bits are set past /%1: the network is %2/%1.</source>
        <translation>/%1 之后的主机位不得设置：网络应为 %2/%1。</translation>
    </message>
    <message>
        <source>Announce prefix</source>
        <translation>宣告前缀</translation>
    </message>
    <message>
        <source>BIRD announces the prefix on every BGP session, besides the active IPv6 pools&apos; (those are announced automatically).</source>
        <translation>BIRD 会在每个 BGP 会话上宣告此前缀；启用中的 IPv6 地址池前缀会自动宣告，无需在此添加。</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. 198.51.100.0/24 or 2001:db8:100::/40</source>
        <translation>例如 198.51.100.0/24 或 2001:db8:100::/40</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
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
        <translation>服务器拒绝（%1）：此前缀已宣告，或属于启用中的 IPv6 地址池。</translation>
    </message>
</context>
<context>
    <name>hm::app::BgpAnnouncementsPane</name>
    <message>
        <source>The announced prefixes could not be read: %1</source>
        <translation>无法读取已宣告的前缀：%1</translation>
    </message>
    <message>
        <source>Announced prefixes</source>
        <translation>已宣告的前缀</translation>
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
        <translation>前缀</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>地址类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>宣告时间</translation>
    </message>
    <message>
        <source>Sign in to see the announced prefixes.</source>
        <translation>登录后即可查看已宣告的前缀。</translation>
    </message>
    <message>
        <source>No prefixes announced besides the IPv6 pools&apos;. The active IPv6 pools are announced on every session automatically; announce other IPv4 or IPv6 prefixes here.</source>
        <translation>除 IPv6 地址池外，尚未宣告任何前缀。启用中的 IPv6 地址池会自动在每个会话上宣告；其他 IPv4 或 IPv6 前缀请在此宣告。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Announce an IPv4 or IPv6 prefix on every BGP session.</source>
        <translation>在每个 BGP 会话上宣告一个 IPv4 或 IPv6 前缀。</translation>
    </message>
    <message>
        <source>Stop announcing the prefix on every session.</source>
        <translation>停止在所有会话上宣告此前缀。</translation>
    </message>
    <message>
        <source>Select a prefix first.</source>
        <translation>请先选择前缀。</translation>
    </message>
    <message>
        <source>Withdraw prefix</source>
        <translation>撤回前缀</translation>
    </message>
    <message>
        <source>Withdraw %1? BIRD stops announcing it on every session; its neighbors drop the route.</source>
        <translation>要撤回 %1 吗？BIRD 将停止在所有会话上宣告它，邻居会删除这条路由。</translation>
    </message>
    <message>
        <source>The prefix was not withdrawn: %1</source>
        <translation>前缀未撤回：%1</translation>
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
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Edit BGP session</source>
        <translation>编辑 BGP 会话</translation>
    </message>
    <message>
        <source>New BGP session</source>
        <translation>新建 BGP 会话</translation>
    </message>
    <message>
        <source>Letters, digits and _, e.g. upstream_a</source>
        <translation>字母、数字和 _，例如 upstream_a</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.1 or 2001:db8::1</source>
        <translation>例如 192.0.2.1 或 2001:db8::1</translation>
    </message>
    <message>
        <source>N&amp;eighbor:</source>
        <translation>邻居(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Remote AS:</source>
        <translation>远端 AS(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Local AS:</source>
        <translation>本地 AS(&amp;L)：</translation>
    </message>
    <message>
        <source>Empty: keep the stored password</source>
        <translation>留空：保留已保存的密码</translation>
    </message>
    <message>
        <source>Optional (TCP-MD5)</source>
        <translation>可选（TCP-MD5）</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Remove the stored password</source>
        <translation>移除已保存的密码</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Hold time:</source>
        <translation>保持时间(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>保活间隔(&amp;K)：</translation>
    </message>
    <message>
        <source>Connect re&amp;try:</source>
        <translation>重连间隔(&amp;T)：</translation>
    </message>
    <message>
        <source>Direct (shared link)</source>
        <translation>直连（共享链路）</translation>
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
        <translation>安全(&amp;S)：</translation>
    </message>
    <message>
        <source>The session runs</source>
        <translation>此会话运行</translation>
    </message>
    <message>
        <source>Ena&amp;bled:</source>
        <translation>启用(&amp;B)：</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Letters, digits and _, not starting with a digit.</source>
        <translation>字母、数字和 _，不能以数字开头。</translation>
    </message>
    <message>
        <source>One unicast IPv4 or IPv6 address.</source>
        <translation>一个单播 IPv4 或 IPv6 地址。</translation>
    </message>
    <message>
        <source>An AS number, 1 to 4294967295.</source>
        <translation>AS 号，1 至 4294967295。</translation>
    </message>
    <message>
        <source>Shorter than the hold time.</source>
        <translation>须短于保持时间。</translation>
    </message>
    <message>
        <source>The BGP sessions could not be read: %1</source>
        <translation>无法读取 BGP 会话：%1</translation>
    </message>
    <message>
        <source>No routes to show: BIRD does not run this session (%1).</source>
        <translation>没有可显示的路由：BIRD 未运行此会话（%1）。</translation>
    </message>
    <message>
        <source>No routes to show: BIRD is not available.</source>
        <translation>没有可显示的路由：BIRD 不可用。</translation>
    </message>
    <message>
        <source>The routes could not be read: %1</source>
        <translation>无法读取路由：%1</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>BIRD is not answering</source>
        <translation>BIRD 无响应</translation>
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
        <translation>新建会话…</translation>
    </message>
    <message>
        <source>Edit session...</source>
        <translation>编辑会话…</translation>
    </message>
    <message>
        <source>Delete session...</source>
        <translation>删除会话…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Neighbor</source>
        <translation>邻居</translation>
    </message>
    <message>
        <source>Remote AS</source>
        <translation>远端 AS</translation>
    </message>
    <message>
        <source>Local AS</source>
        <translation>本地 AS</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
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
        <translation>前缀</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>下一跳</translation>
    </message>
    <message>
        <source>AS path</source>
        <translation>AS 路径</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Local pref</source>
        <translation>本地优先级</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MED</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>团体属性</translation>
    </message>
    <message>
        <source>Sign in to see the BGP sessions.</source>
        <translation>登录后即可查看 BGP 会话。</translation>
    </message>
    <message>
        <source>No BGP sessions yet. A session peers with a neighbor router through BIRD and announces the active IPv6 pools.</source>
        <translation>暂无 BGP 会话。会话通过 BIRD 与邻居路由器建立对等连接，并通告活动的 IPv6 地址池。</translation>
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
        <translation>选择会话以查看其路由。</translation>
    </message>
    <message>
        <source>No routes received from this neighbor.</source>
        <translation>尚未从此邻居收到路由。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>请先选择会话。</translation>
    </message>
    <message>
        <source>A new BGP session with a neighbor router.</source>
        <translation>与邻居路由器的新 BGP 会话。</translation>
    </message>
    <message>
        <source>Change the session; BIRD is reconfigured.</source>
        <translation>更改会话；BIRD 将重新配置。</translation>
    </message>
    <message>
        <source>Disable the session in BIRD; it stays stored.</source>
        <translation>在 BIRD 中禁用此会话；配置仍会保留。</translation>
    </message>
    <message>
        <source>Enable the session in BIRD.</source>
        <translation>在 BIRD 中启用此会话。</translation>
    </message>
    <message>
        <source>Delete the session and remove it from BIRD.</source>
        <translation>删除会话并从 BIRD 中移除。</translation>
    </message>
    <message>
        <source>The session was not stopped: %1</source>
        <translation>会话未停止：%1</translation>
    </message>
    <message>
        <source>The session was not started: %1</source>
        <translation>会话未启动：%1</translation>
    </message>
    <message>
        <source>Delete BGP session</source>
        <translation>删除 BGP 会话</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; (neighbor %2)? BIRD drops the session and its routes. This cannot be undone.</source>
        <translation>要删除“%1”（邻居 %2）吗？BIRD 将断开此会话并丢弃其路由。此操作无法撤销。</translation>
    </message>
    <message>
        <source>The session was not deleted: %1</source>
        <translation>会话未删除：%1</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>IPv&amp;6 next hop:</source>
        <translation>IPv&amp;6 下一跳：</translation>
    </message>
    <message>
        <source>Optional: for IPv6 over a multihop IPv4 session</source>
        <translation>可选：用于多跳 IPv4 会话上的 IPv6</translation>
    </message>
    <message>
        <source>The IPv6 next hop announced with the IPv6 routes. Over an IPv4 session BIRD takes the IPv6 address of the interface towards a direct neighbor; a multihop session needs one here.</source>
        <translation>随 IPv6 路由通告的 IPv6 下一跳。在 IPv4 会话上，BIRD 会使用通往直连邻居的接口的 IPv6 地址；多跳会话需要在此指定。</translation>
    </message>
    <message>
        <source>One unicast IPv6 address, or empty.</source>
        <translation>一个单播 IPv6 地址，或留空。</translation>
    </message>
    <message>
        <source>%1 sends IPv6 routes without a next hop and the neighbor ignores them: set its IPv6 next hop.</source>
        <translation>%1 发送的 IPv6 路由没有下一跳，邻居会忽略它们：请设置其 IPv6 下一跳。</translation>
    </message>
    <message>
        <source>the server has no BIRD control socket (its --bird-socket option)</source>
        <translation>服务器未配置 BIRD 控制套接字（--bird-socket 选项）</translation>
    </message>
    <message>
        <source>BIRD does not run this session yet</source>
        <translation>BIRD 尚未运行此会话</translation>
    </message>
    <message>
        <source>BIRD is starting the session</source>
        <translation>BIRD 正在启动此会话</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::CaCertificateField</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 64 KiB: not a CA certificate file.</source>
        <translation>%1 大于 64 KiB：不是 CA 证书文件。</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>None: the server trusts the system&apos;s certificate authorities.</source>
        <translation>无：服务器信任系统的证书颁发机构。</translation>
    </message>
    <message>
        <source>Not a PEM certificate: paste the text from &quot;-----BEGIN CERTIFICATE-----&quot; to &quot;-----END CERTIFICATE-----&quot; (at most 64 KiB).</source>
        <translation>不是 PEM 证书：请粘贴从“-----BEGIN CERTIFICATE-----”到“-----END CERTIFICATE-----”的文本（最多 64 KiB）。</translation>
    </message>
    <message>
        <source>%1: expired on %2</source>
        <translation>%1：已于 %2 过期</translation>
    </message>
    <message>
        <source>%1: valid until %2</source>
        <translation>%1：有效期至 %2</translation>
    </message>
    <message>
        <source>Load from File…</source>
        <translation>从文件加载…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Optional: paste the PEM certificate of a private CA</source>
        <translation>可选：粘贴私有证书颁发机构的 PEM 证书</translation>
    </message>
</context>
<context>
    <name>hm::app::ChartHover</name>
    <message>
        <source>%1: no value</source>
        <translation>%1：无数值</translation>
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
        <translation>未设置</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
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
        <translation>当前不可用。</translation>
    </message>
    <message>
        <source>Type a command or a section</source>
        <translation>输入命令或分区名称</translation>
    </message>
    <message>
        <source>No command matches. Try fewer or other words.</source>
        <translation>没有匹配的命令。请尝试更少或其他的词语。</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentCatalogue</name>
    <message>
        <source>The server&apos;s list of components cannot be read.</source>
        <translation>无法读取服务器的组件列表。</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentDetailsDialog</name>
    <message>
        <source>No icon (a box)</source>
        <translation>无图标（方块）</translation>
    </message>
    <message>
        <source>%1 (not one the console draws)</source>
        <translation>%1（控制台无法显示）</translation>
    </message>
    <message>
        <source>The server refused this: only administrators may change components.</source>
        <translation>服务器拒绝了此操作：只有管理员可以更改组件。</translation>
    </message>
    <message>
        <source>The server no longer has a registered component &quot;%1&quot;.</source>
        <translation>服务器上已没有已注册的组件“%1”。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Component details</source>
        <translation>组件详细信息</translation>
    </message>
    <message>
        <source>These fields belong to the component &quot;%1&quot; and are shown for every version of it.</source>
        <translation>这些字段属于组件“%1”，会显示在它的每个版本上。</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Icon:</source>
        <translation>图标：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>None, e.g. image</source>
        <translation>无，例如：图片</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The server refused the description: it may have at most %1 characters.</source>
        <translation>服务器拒绝了说明：最多只能有 %1 个字符。</translation>
    </message>
    <message>
        <source>The server refused the display name: it may have at most %1 characters.</source>
        <translation>服务器拒绝了显示名称：最多只能有 %1 个字符。</translation>
    </message>
    <message>
        <source>The server refused the category: it may have at most %1 characters.</source>
        <translation>服务器拒绝了类别：最多只能有 %1 个字符。</translation>
    </message>
    <message>
        <source>The server refused the description.</source>
        <translation>服务器拒绝了说明。</translation>
    </message>
    <message>
        <source>The server refused the display name.</source>
        <translation>服务器拒绝了显示名称。</translation>
    </message>
    <message>
        <source>The server refused the category.</source>
        <translation>服务器拒绝了类别。</translation>
    </message>
    <message>
        <source>The server does not know this icon: choose one from the list.</source>
        <translation>服务器不认识此图标：请从列表中选择。</translation>
    </message>
    <message>
        <source>The server refused one of the values.</source>
        <translation>服务器拒绝了其中一个值。</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentIcon</name>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Compress</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>转换</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentListModel</name>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已弃用</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>性能降级</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>HTTP service</source>
        <translation>HTTP 服务</translation>
    </message>
    <message>
        <source>%1 (component name: %2)</source>
        <translation>%1（组件名称：%2）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentPalette</name>
    <message>
        <source>%1, version %2. Drag it onto the canvas.</source>
        <translation>%1，版本 %2。拖到画布上即可添加。</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已注册</translation>
    </message>
    <message>
        <source>%1 %2 (deprecated)</source>
        <translation>%1 %2（已弃用）</translation>
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
        <translation>性能降级</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>健康状态未知</translation>
    </message>
    <message>
        <source>%1, version %2 (%3). Deprecated: it still runs, but newer flows should use another version.</source>
        <translation>%1，版本 %2（%3）。已弃用：仍可运行，但新的工作流应改用其他版本。</translation>
    </message>
    <message>
        <source>%1, version %2 (%3). Drag it onto the canvas.</source>
        <translation>%1，版本 %2（%3）。拖到画布上即可添加。</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>%1 %2 of %3. Drag it onto the canvas to call it.</source>
        <translation>%3 的 %1 %2。拖到画布上即可调用。</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>搜索组件</translation>
    </message>
    <message>
        <source>Components by name; service endpoints by method, path, summary or service</source>
        <translation>组件按名称搜索；服务端点按方法、路径、摘要或服务搜索</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>未分类</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentsPage</name>
    <message>
        <source>The server refused this: only administrators may register or deprecate components.</source>
        <translation>服务器拒绝了此操作：只有管理员可以注册或弃用组件。</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended.</source>
        <translation>您尚未登录此服务器，或会话已结束。</translation>
    </message>
    <message>
        <source>The component service cannot be reached or is not healthy: %1</source>
        <translation>无法连接到组件服务，或其状态异常：%1</translation>
    </message>
    <message>
        <source>The service at this endpoint does not serve a component named &quot;%1&quot;.</source>
        <translation>此端点的服务没有提供名为“%1”的组件。</translation>
    </message>
    <message>
        <source>The server does not know this component (any more).</source>
        <translation>服务器上没有（或已不再有）此组件。</translation>
    </message>
    <message>
        <source>Already registered: %1</source>
        <translation>已注册：%1</translation>
    </message>
    <message>
        <source>The endpoint must be an http or https URL without user name, password, query or fragment, e.g. http://10.0.0.5:9000.</source>
        <translation>端点必须是不含用户名、密码、查询字符串或片段的 http 或 https 网址，例如 http://10.0.0.5:9000。</translation>
    </message>
    <message>
        <source>Component %1 has version &quot;%2&quot;, which is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1).</source>
        <translation>组件 %1 的版本“%2”不是语义化版本（主版本号.次版本号.修订号，例如 1.4.0 或 2.0.0-rc.1）。</translation>
    </message>
    <message>
        <source>Component %1 has an invalid %2: %3</source>
        <translation>组件 %1 的 %2 无效：%3</translation>
    </message>
    <message>
        <source>The server refused this: %1</source>
        <translation>服务器拒绝了此操作：%1</translation>
    </message>
    <message>
        <source>Enter the base URL of the component service.</source>
        <translation>请输入组件服务的基础网址。</translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Registered %n component version(s): %1</source>
        <translation>
            <numerusform>已注册 %n 个组件版本：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as active</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Deprecate</source>
        <translation>弃用</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Only administrators may register or deprecate components.</source>
        <translation>只有管理员可以注册或弃用组件。</translation>
    </message>
    <message>
        <source>Check the service&apos;s health, read its interfaces and register them.</source>
        <translation>检查服务的健康状态、读取其接口并注册。</translation>
    </message>
    <message>
        <source>Built-in components cannot be deprecated.</source>
        <translation>内置组件无法弃用。</translation>
    </message>
    <message>
        <source>A deprecated version keeps running; flows that start using it get a warning.</source>
        <translation>已弃用的版本仍会继续执行；开始使用它的工作流会收到警告。</translation>
    </message>
    <message>
        <source>Sign in to see the components.</source>
        <translation>请登录以查看组件。</translation>
    </message>
    <message>
        <source>Loading components...</source>
        <translation>正在加载组件…</translation>
    </message>
    <message>
        <source>The components could not be loaded: %1</source>
        <translation>无法加载组件：%1</translation>
    </message>
    <message>
        <source>No components.</source>
        <translation>没有组件。</translation>
    </message>
    <message numerus="yes">
        <source>%n component version(s).</source>
        <translation>
            <numerusform>%n 个组件版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1, required</source>
        <translation>%1，必填</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>No component selected</source>
        <translation>未选择组件</translation>
    </message>
    <message>
        <source>Select a component version to see its ports and configuration schema.</source>
        <translation>选择一个组件版本以查看其端口和配置架构。</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>健康状态：%1</translation>
    </message>
    <message>
        <source>Built in: runs inside the server.</source>
        <translation>内置：在服务器内执行。</translation>
    </message>
    <message>
        <source>Endpoint %1: %2</source>
        <translation>端点 %1：%2</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Configuration schema</source>
        <translation>配置架构</translation>
    </message>
    <message>
        <source>(any configuration)</source>
        <translation>（任何配置均可）</translation>
    </message>
    <message>
        <source>Looking for flows that use this version...</source>
        <translation>正在查找使用此版本的工作流…</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（版本 %2）</translation>
    </message>
    <message>
        <source>No flow you can see uses this version.</source>
        <translation>您可查看的工作流中没有任何一个使用此版本。</translation>
    </message>
    <message numerus="yes">
        <source>Used by %n flow version(s): %1</source>
        <translation>
            <numerusform>有 %n 个工作流版本使用：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Register a component service:</source>
        <translation>注册组件服务：</translation>
    </message>
    <message>
        <source>Endpoint URL, e.g. http://10.0.0.5:9000</source>
        <translation>端点网址，例如 http://10.0.0.5:9000</translation>
    </message>
    <message>
        <source>Component name (optional)</source>
        <translation>组件名称（可选）</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Port or key</source>
        <translation>端口或键</translation>
    </message>
    <message>
        <source>Type or value</source>
        <translation>类型或值</translation>
    </message>
    <message>
        <source>Enter a component name first: these fields belong to one component.</source>
        <translation>请先输入组件名称：这些字段属于单个组件。</translation>
    </message>
    <message>
        <source>Edit details...</source>
        <translation>编辑详细信息…</translation>
    </message>
    <message>
        <source>Only administrators may change components.</source>
        <translation>只有管理员可以更改组件。</translation>
    </message>
    <message>
        <source>Built-in components have no editable details.</source>
        <translation>内置组件没有可编辑的详细信息。</translation>
    </message>
    <message>
        <source>Display name, category, icon and description of every version.</source>
        <translation>所有版本共用的显示名称、类别、图标和说明。</translation>
    </message>
    <message>
        <source>Component name: %1</source>
        <translation>组件名称：%1</translation>
    </message>
    <message>
        <source>Category: none</source>
        <translation>类别：无</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>显示名称（可选）</translation>
    </message>
    <message>
        <source>Category (optional)</source>
        <translation>类别（可选）</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>说明（可选）</translation>
    </message>
    <message>
        <source>The components cannot be shown</source>
        <translation>无法显示组件</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>No components yet</source>
        <translation>暂无组件</translation>
    </message>
    <message>
        <source>Components are the steps of a flow: the built-in ones and those registered from a service or a component server.</source>
        <translation>组件是工作流中的步骤：包括内置组件，以及从服务或组件服务器注册的组件。</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>What flows are built from: the built-in components and those of the component services registered here.</source>
        <translation>流程的组成元素：内置组件，以及在此注册的组件服务所提供的组件。</translation>
    </message>
</context>
<context>
    <name>hm::app::ConnectionDialog</name>
    <message>
        <source>Enter a name and an http:// or https:// address.</source>
        <translation>请输入名称，以及以 http:// 或 https:// 开头的地址。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>None (plain HTTP)</source>
        <translation>无（普通 HTTP）</translation>
    </message>
    <message>
        <source>The server cannot be used: %1</source>
        <translation>无法使用该服务器：%1</translation>
    </message>
    <message>
        <source>The server answers (status: %1).</source>
        <translation>服务器已响应（状态：%1）。</translation>
    </message>
    <message>
        <source>%1 — differs from the one remembered for this profile (%2)</source>
        <translation>%1 — 与该配置文件记住的证书不同（%2）</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s TLS certificate</source>
        <translation>验证服务器的 TLS 证书(&amp;V)</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>检查(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The server answers and is healthy.</source>
        <translation>服务器已响应，状态正常。</translation>
    </message>
    <message>
        <source>The server answers but reports a degraded state.</source>
        <translation>服务器已响应，但报告性能降级。</translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation>移除服务器</translation>
    </message>
    <message>
        <source>Remove the server “%1” (%2)? The sign-in kept for it is forgotten too.</source>
        <translation>要移除服务器“%1”（%2）吗？为它保存的登录信息也会一并清除。</translation>
    </message>
    <message>
        <source>Refused: the server&apos;s certificate has the fingerprint %1, but %2 is pinned for it. The certificate changed, or this is another server.</source>
        <translation>已拒绝：服务器证书的指纹为 %1，但为该服务器固定的是 %2。证书已变更，或这是另一台服务器。</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not trusted: %1. If you trust this server, pin its fingerprint or turn off verification.</source>
        <translation>服务器的 TLS 证书不受信任：%1。如果您信任此服务器，请固定其指纹或关闭验证。</translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation>编辑服务器</translation>
    </message>
    <message>
        <source>Saved servers:</source>
        <translation>已保存的服务器：</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Pinned fingerprint:</source>
        <translation>固定的指纹(&amp;P)：</translation>
    </message>
    <message>
        <source>SHA-256, optional: remembered at the first check</source>
        <translation>SHA-256，可选：首次检查时会记住</translation>
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
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Send in</source>
        <translation>发送位置</translation>
    </message>
    <message>
        <source>Header or parameter name</source>
        <translation>请求头或参数名</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>令牌 URL</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>权限范围</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>私钥密码</translation>
    </message>
    <message>
        <source>Load private key</source>
        <translation>加载私钥</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>This file is too large to be a private key.</source>
        <translation>该文件过大，不可能是私钥。</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>查询参数</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>新建凭据</translation>
    </message>
    <message>
        <source>Edit credential &quot;%1&quot;</source>
        <translation>编辑凭据“%1”</translation>
    </message>
    <message>
        <source>Secret fields are write-only: once stored they are never shown again, only replaced.</source>
        <translation>机密字段只能写入：保存后不会再显示，只能替换。</translation>
    </message>
    <message>
        <source>Secret fields are write-only. Leave a stored secret empty to keep it; type a new value to replace it.</source>
        <translation>机密字段只能写入。已保存的机密留空即保留原值；输入新值即可替换。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <source>e.g. Billing API</source>
        <translation>例如：计费 API</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>The type of a stored credential cannot change.</source>
        <translation>已保存凭据的类型不能更改。</translation>
    </message>
    <message>
        <source>Private: only you (and administrators). Shared: every user can see it; only you and administrators can change it.</source>
        <translation>私有：仅您（和管理员）可见。共享：所有用户都能查看；仅您和管理员可以修改。</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>will be cleared</source>
        <translation>将被清除</translation>
    </message>
    <message>
        <source>stored — unchanged</source>
        <translation>已保存 — 不修改</translation>
    </message>
    <message>
        <source>Paste the private key (OpenSSH or PEM) or load it from a file</source>
        <translation>粘贴私钥（OpenSSH 或 PEM），或从文件加载</translation>
    </message>
    <message>
        <source>space-separated, e.g. read write</source>
        <translation>以空格分隔，例如 &quot;read write&quot;</translation>
    </message>
    <message>
        <source>optional, e.g. Bearer</source>
        <translation>选填，例如 &quot;Bearer&quot;</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>driver default</source>
        <translation>驱动默认值</translation>
    </message>
    <message>
        <source>Clear the stored value</source>
        <translation>清除已保存的值</translation>
    </message>
    <message>
        <source>Remove the stored %1 when you press OK.</source>
        <translation>点击“确定”时删除已保存的%1。</translation>
    </message>
    <message>
        <source>Load from file...</source>
        <translation>从文件加载…</translation>
    </message>
    <message>
        <source>Read the private key from a file.</source>
        <translation>从文件读取私钥。</translation>
    </message>
    <message>
        <source>Give the credential a name.</source>
        <translation>请为凭据命名。</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>What uses this credential could not be read: %1</source>
        <translation>无法读取使用此凭据的对象：%1</translation>
    </message>
    <message>
        <source>Nothing uses this credential; it can be deleted.</source>
        <translation>没有任何对象使用此凭据，可以删除。</translation>
    </message>
    <message>
        <source>While anything uses it, the credential cannot be deleted.</source>
        <translation>仍有对象使用此凭据时，无法删除。</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用此凭据的对象</translation>
    </message>
    <message>
        <source>Services that sign in with this credential.</source>
        <translation>使用此凭据进行认证的服务。</translation>
    </message>
    <message>
        <source>Private: only you (and administrators). Shared and Workspace: every user of this server can see and use it; only you and administrators can change it.</source>
        <translation>私有：仅您（和管理员）可见。共享与工作空间：此服务器上的所有用户都能查看和使用；仅您和管理员可以修改。</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialListModel</name>
    <message>
        <source>Created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>(deleted user)</source>
        <translation>（已删除的用户）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialUsageModel</name>
    <message>
        <source>Linked %1</source>
        <translation>关联于 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialsPage</name>
    <message>
        <source>More credentials could not be read: %1</source>
        <translation>无法读取更多凭据：%1</translation>
    </message>
    <message>
        <source>The key rotation finished.</source>
        <translation>密钥轮换已完成。</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Passwords, tokens and keys that flows and services sign in with. They are stored encrypted and never shown again.</source>
        <translation>工作流和服务登录时使用的密码、令牌和密钥。均加密存储，且不会再显示。</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>New credential...</source>
        <translation>新建凭据…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Test...</source>
        <translation>测试…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>The encryption key&apos;s status and its rotation are for administrators; you are signed in as %1.</source>
        <translation>加密密钥的状态和轮换仅供管理员使用；您当前的登录身份是%1。</translation>
    </message>
    <message>
        <source>Select a credential first.</source>
        <translation>请先选择凭据。</translation>
    </message>
    <message>
        <source>Only its owner (%1) or an administrator can change or test this credential.</source>
        <translation>只有所有者（%1）或管理员可以修改或测试此凭据。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Store a new credential.</source>
        <translation>保存新的凭据。</translation>
    </message>
    <message>
        <source>Change the name, sharing or fields; replace secrets.</source>
        <translation>修改名称、共享设置或字段；替换机密。</translation>
    </message>
    <message>
        <source>Check that the credential is accepted.</source>
        <translation>检查凭据是否被接受。</translation>
    </message>
    <message>
        <source>Delete the credential.</source>
        <translation>删除此凭据。</translation>
    </message>
    <message>
        <source>Sign in to see credentials.</source>
        <translation>登录后即可查看凭据。</translation>
    </message>
    <message>
        <source>Loading credentials...</source>
        <translation>正在加载凭据…</translation>
    </message>
    <message>
        <source>The credentials could not be read</source>
        <translation>无法读取凭据</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No credential matches</source>
        <translation>没有匹配的凭据</translation>
    </message>
    <message>
        <source>No credential of this type is visible to you.</source>
        <translation>没有您可查看的此类型凭据。</translation>
    </message>
    <message>
        <source>No credential you can see has &quot;%1&quot; in its name.</source>
        <translation>您可查看的凭据中，没有名称包含“%1”的。</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>No credentials yet</source>
        <translation>还没有凭据</translation>
    </message>
    <message>
        <source>A credential keeps a password, token or key that flows and services use to sign in elsewhere. It is stored encrypted; once saved, its secret is never shown again, only replaced.</source>
        <translation>凭据保存工作流和服务登录其他系统时使用的密码、令牌或密钥。它会加密存储；保存后机密不会再显示，只能替换。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n credential(s) shown</source>
        <translation>
            <numerusform>显示 %1 个凭据，共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Test credential</source>
        <translation>测试凭据</translation>
    </message>
    <message>
        <source>Send one GET request with &quot;%1&quot; to this URL (2xx means it works):</source>
        <translation>使用“%1”向此 URL 发送一个 GET 请求（返回 2xx 表示可用）：</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL.</source>
        <translation>“%1”不是 http 或 https URL。</translation>
    </message>
    <message>
        <source>Testing &quot;%1&quot;...</source>
        <translation>正在测试“%1”…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be tested: %2</source>
        <translation>无法测试“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; works (%2 ms): %3</source>
        <translation>“%1”可用（%2 毫秒）：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was refused (%2 ms): %3</source>
        <translation>“%1”被拒绝（%2 毫秒）：%3</translation>
    </message>
    <message>
        <source>Delete credential</source>
        <translation>删除凭据</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its secret is destroyed; whatever signs in with it stops working. This cannot be undone.</source>
        <translation>要删除“%1”吗？其机密将被销毁，使用它登录的一切都会停止工作。此操作无法撤销。</translation>
    </message>
    <message>
        <source>The credential was not deleted: %1</source>
        <translation>凭据未删除：%1</translation>
    </message>
    <message>
        <source>• %1 (%2)</source>
        <translation>• %1（%2）</translation>
    </message>
    <message>
        <source>Credential in use</source>
        <translation>凭据正在使用</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still used and was not deleted. Remove it from these first:
%2</source>
        <translation>“%1”仍在使用，因此未删除。请先从以下各项中移除：
%2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardOverview</name>
    <message>
        <source>read the server&apos;s status</source>
        <translation>读取服务器状态</translation>
    </message>
    <message>
        <source>count the executions</source>
        <translation>统计执行次数</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Sign in to see the executions of the last 24 hours.</source>
        <translation>请登录以查看过去 24 小时的执行。</translation>
    </message>
    <message>
        <source>No executions in the last 24 hours.</source>
        <translation>过去 24 小时没有执行。</translation>
    </message>
    <message numerus="yes">
        <source>%n executions in the last 24 hours</source>
        <translation>
            <numerusform>过去 24 小时共 %n 次执行</numerusform>
        </translation>
    </message>
    <message>
        <source>list the failed executions</source>
        <translation>列出失败的执行</translation>
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
        <translation>在查看器中打开执行 %1</translation>
    </message>
    <message>
        <source>No failed executions. Good.</source>
        <translation>没有失败的执行，一切正常。</translation>
    </message>
    <message>
        <source>Click one to open it in the viewer.</source>
        <translation>单击条目即可在查看器中打开。</translation>
    </message>
    <message>
        <source>Server up %1 h %2 min</source>
        <translation>服务器已运行 %1 小时 %2 分</translation>
    </message>
    <message>
        <source>CPU %1 · Memory %2 · Disk %3</source>
        <translation>处理器 %1 · 内存 %2 · 磁盘 %3</translation>
    </message>
    <message>
        <source>Network: %1/s sent, %2/s received</source>
        <translation>网络：发送 %1/s，接收 %2/s</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first status report…</source>
        <translation>正在等待服务器的第一份状态报告…</translation>
    </message>
    <message>
        <source>Sign in to follow the host&apos;s load live.</source>
        <translation>请登录以实时跟踪主机负载。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>CPU, memory and disk (last 15 minutes)</source>
        <translation>处理器、内存和磁盘（过去 15 分钟）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>处理器</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Network (KiB/s)</source>
        <translation>网络（KiB/s）</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Executions, last 24 hours</source>
        <translation>执行（过去 24 小时）</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <source>Latest failed executions</source>
        <translation>最近失败的执行</translation>
    </message>
    <message>
        <source>Sign in to see failed executions.</source>
        <translation>请登录以查看失败的执行。</translation>
    </message>
    <message>
        <source>Server up %1 d %2 h</source>
        <translation>服务器已运行 %1 天 %2 小时</translation>
    </message>
    <message>
        <source>Server up %1 min</source>
        <translation>服务器已运行 %1 分钟</translation>
    </message>
    <message>
        <source>Server up less than a minute</source>
        <translation>服务器刚启动，运行不到一分钟</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardPage</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>服务器版本</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>性能降级</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Open (encrypted)</source>
        <translation>已打开（已加密）</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>正在启动本地服务器…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Local — the server runs inside this console</source>
        <translation>本地 — 服务器在此控制台内运行</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>Shared — the server already running on this data directory</source>
        <translation>共享 — 已在此数据目录上运行的服务器</translation>
    </message>
    <message>
        <source>Remote — a server this console connects to</source>
        <translation>远程 — 此控制台连接的服务器</translation>
    </message>
</context>
<context>
    <name>hm::app::EndpointDialog</name>
    <message>
        <source>Add endpoint to %1</source>
        <translation>向 %1 添加端点</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>路径(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Query parameters:</source>
        <translation>查询参数(&amp;Q)：</translation>
    </message>
    <message>
        <source>Request &amp;body schema:</source>
        <translation>请求体架构(&amp;B)：</translation>
    </message>
    <message>
        <source>optional; default: method and path</source>
        <translation>选填；默认为方法和路径</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>optional JSON Schema, e.g. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</source>
        <translation>选填的 JSON 架构，例如 {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The body schema is not a JSON object: %1</source>
        <translation>请求体架构不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>The endpoint was not added: %1</source>
        <translation>未添加端点：%1</translation>
    </message>
    <message>
        <source>%1: each {placeholder} is a required path parameter</source>
        <translation>%1：每个 {占位符} 都是必填的路径参数</translation>
    </message>
    <message>
        <source>optional, e.g. %1</source>
        <translation>选填，例如 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a query parameter: write name:type with type one of %2.</source>
        <translation>“%1”不是查询参数：请写成 名称:类型，类型为 %2 之一。</translation>
    </message>
</context>
<context>
    <name>hm::app::EnrolNodeDialog</name>
    <message>
        <source>New enrolment secret</source>
        <translation>新的注册密钥</translation>
    </message>
    <message>
        <source>Enrol a node</source>
        <translation>注册节点</translation>
    </message>
    <message>
        <source>A new secret for &quot;%1&quot;. Any earlier secret stops working; if an agent is enrolled, its key is revoked and it is disconnected until it enrols again with the new secret.</source>
        <translation>为“%1”创建新密钥。之前的密钥将失效；若已有代理注册，其密钥会被撤销并断开连接，直到使用新密钥重新注册。</translation>
    </message>
    <message>
        <source>Name the machine and choose labels to group it by. The next step shows the command that installs and enrols the HiveMind agent on it.</source>
        <translation>为机器命名并选择用于分组的标签。下一步会显示在该机器上安装并注册 HiveMind 代理的命令。</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Secret expires after:</source>
        <translation>密钥有效期：</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如：%1</translation>
    </message>
    <message>
        <source>Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>以逗号分隔；最多 %1 个标签，每个由 1 到 %2 个 a-z、A-Z、0-9、“_”、“.”、“:”或“-”组成。</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Create secret</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a new enrolment secret.</source>
        <translation>“%1”已有新的注册密钥。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and waits for its agent.</source>
        <translation>已创建“%1”，正在等待其代理。</translation>
    </message>
    <message>
        <source>Run this command on the machine as %1:</source>
        <translation>请以 %1 身份在该机器上运行此命令：</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>The secret works once, until %1.</source>
        <translation>此密钥只能使用一次，有效期至 %1。</translation>
    </message>
    <message>
        <source>The secret is shown only this once: copy the command now. If it is lost, create a new enrolment secret.</source>
        <translation>密钥只会显示这一次：请立即复制命令。若丢失，请创建新的注册密钥。</translation>
    </message>
    <message>
        <source>When the agent enrols it prints its key&apos;s fingerprint. Compare it with the fingerprint in this node&apos;s details before you trust the node.</source>
        <translation>代理注册时会打印其密钥的指纹。信任此节点之前，请将它与此节点详细信息中的指纹进行比对。</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s) if it still holds the command.</source>
        <translation>
            <numerusform>已复制。若剪贴板中仍是此命令，将在 %n 秒后清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the agent to enrol…</source>
        <translation>正在等待代理注册…</translation>
    </message>
    <message>
        <source>The agent enrolled. Its key&apos;s fingerprint is %1: compare it with the one the agent printed. Waiting for it to connect…</source>
        <translation>代理已注册。其密钥指纹为 %1：请与代理打印的指纹比对。正在等待其连接…</translation>
    </message>
    <message>
        <source>The agent is connected and the node is online. Its key&apos;s fingerprint is %1.</source>
        <translation>代理已连接，节点已在线。其密钥指纹为 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and its agent enrolled.</source>
        <translation>已创建“%1”，其代理已完成注册。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and its agent is connected.</source>
        <translation>已创建“%1”，其代理已连接。</translation>
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
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionGraphView</name>
    <message>
        <source>The ports of node “%1” are not known: %2</source>
        <translation>无法获知节点“%1”的端口：%2</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionListModel</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Triggered by</source>
        <translation>触发者</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>网络钩子触发</translation>
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
            <numerusform>正在监控此执行：%1，已完成 %n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection to the server lost; reconnecting.</source>
        <translation>与服务器的连接已断开，正在重新连接。</translation>
    </message>
    <message>
        <source>Connection to the server lost (%1); reconnecting.</source>
        <translation>与服务器的连接已断开（%1），正在重新连接。</translation>
    </message>
    <message>
        <source>Reconnected; nothing happened meanwhile.</source>
        <translation>已重新连接；期间没有任何变化。</translation>
    </message>
    <message numerus="yes">
        <source>Reconnected; %n event(s) happened meanwhile, their result is shown.</source>
        <translation>
            <numerusform>已重新连接；期间发生了 %n 个事件，已显示其结果。</numerusform>
        </translation>
    </message>
    <message>
        <source>Execution queued.</source>
        <translation>执行已加入队列。</translation>
    </message>
    <message>
        <source>Execution started.</source>
        <translation>执行已开始。</translation>
    </message>
    <message>
        <source>%1 started, attempt %2.</source>
        <translation>%1 已开始，第 %2 次尝试。</translation>
    </message>
    <message>
        <source>%1 started.</source>
        <translation>%1 已开始。</translation>
    </message>
    <message>
        <source>%1 completed in %2.</source>
        <translation>%1 已完成，耗时 %2。</translation>
    </message>
    <message>
        <source>%1 completed.</source>
        <translation>%1 已完成。</translation>
    </message>
    <message>
        <source>%1 failed on attempt %2 and will be retried: %3</source>
        <translation>%1 第 %2 次尝试失败，将重试：%3</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1 skipped: a node it depends on failed.</source>
        <translation>%1 已跳过：它所依赖的节点失败。</translation>
    </message>
    <message>
        <source>%1 skipped.</source>
        <translation>%1 已跳过。</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
    <message>
        <source>Execution completed in %1.</source>
        <translation>执行已完成，耗时 %1。</translation>
    </message>
    <message>
        <source>Execution completed.</source>
        <translation>执行已完成。</translation>
    </message>
    <message>
        <source>Execution failed.</source>
        <translation>执行失败。</translation>
    </message>
    <message>
        <source>Execution failed: %1</source>
        <translation>执行失败：%1</translation>
    </message>
    <message>
        <source>Execution killed.</source>
        <translation>执行已强制终止。</translation>
    </message>
    <message>
        <source>Execution cancelled.</source>
        <translation>执行已取消。</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionViewer</name>
    <message>
        <source>The flow&apos;s graph could not be read: %1</source>
        <translation>无法读取流程图：%1</translation>
    </message>
    <message>
        <source>Cancel Execution</source>
        <translation>取消执行</translation>
    </message>
    <message>
        <source>Cancel this execution of %1? Running nodes are asked to stop, and nodes that have not started will not run.</source>
        <translation>要取消 %1 的这次执行吗？运行中的节点会被要求停止，尚未开始的节点将不会运行。</translation>
    </message>
    <message>
        <source>The execution could not be cancelled: %1</source>
        <translation>无法取消此执行：%1</translation>
    </message>
    <message>
        <source>Kill Execution</source>
        <translation>强制终止执行</translation>
    </message>
    <message>
        <source>Kill this execution of %1 now? Running nodes are abandoned at once, without waiting for them to stop; what they were doing may be left half done.</source>
        <translation>要立即强制终止 %1 的这次执行吗？运行中的节点会被立即放弃，不等待其停止；它们进行中的工作可能只完成一半。</translation>
    </message>
    <message>
        <source>The execution could not be killed: %1</source>
        <translation>无法强制终止此执行：%1</translation>
    </message>
    <message>
        <source>The execution could not be re-run: %1</source>
        <translation>无法重新运行：%1</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>执行 %1</translation>
    </message>
    <message>
        <source>Waiting in the queue, position %1</source>
        <translation>在队列中等待，第 %1 位</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>在队列中等待</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>耗时 %1</translation>
    </message>
    <message>
        <source>Elapsed %1 · about %2 left</source>
        <translation>已用时 %1 · 约剩 %2</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>已用时 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) finished</source>
        <translation>
            <numerusform>已完成 %1 / %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>From the Start (Version %1)</source>
        <translation>从头开始（版本 %1）</translation>
    </message>
    <message>
        <source>From the Failed Node (Version %1)</source>
        <translation>从失败的节点开始（版本 %1）</translation>
    </message>
    <message>
        <source>From the Start on Newest Version %1</source>
        <translation>从头开始，使用最新版本 %1</translation>
    </message>
    <message>
        <source>From the Failed Node on Newest Version %1</source>
        <translation>从失败的节点开始，使用最新版本 %1</translation>
    </message>
    <message>
        <source>The execution has ended.</source>
        <translation>此执行已结束。</translation>
    </message>
    <message>
        <source>Ask the running nodes to stop, then end the execution.</source>
        <translation>要求运行中的节点停止，然后结束此执行。</translation>
    </message>
    <message>
        <source>End the execution at once, without waiting for nodes.</source>
        <translation>立即结束此执行，不等待节点。</translation>
    </message>
    <message>
        <source>Run this flow again with the same trigger input.</source>
        <translation>以相同的触发输入再次运行此流程。</translation>
    </message>
    <message>
        <source>An execution can be re-run once it has ended.</source>
        <translation>执行结束后才能重新运行。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <source>Connection lost, reconnecting…</source>
        <translation>连接已断开，正在重新连接…</translation>
    </message>
    <message>
        <source>The execution cannot be shown: %1</source>
        <translation>无法显示此执行：%1</translation>
    </message>
    <message>
        <source>‹ Executions</source>
        <translation>‹ 执行</translation>
    </message>
    <message>
        <source>Back to the list of executions (%1)</source>
        <translation>返回执行列表（%1）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>强制终止</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <source>Execution Log</source>
        <translation>执行日志</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>筛选日志</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>所有消息</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随最新</translation>
    </message>
    <message>
        <source>Keep the newest lines in view</source>
        <translation>始终显示最新的消息</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>继续运行</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionsPage</name>
    <message numerus="yes">
        <source>%n execution(s)</source>
        <translation>
            <numerusform>%n 次执行</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>尚未连接到服务器</translation>
    </message>
    <message>
        <source>The executions appear here once the console is connected to a server and signed in.</source>
        <translation>控制台连接到服务器并登录后，执行记录就会显示在这里。</translation>
    </message>
    <message>
        <source>Loading executions…</source>
        <translation>正在加载执行记录…</translation>
    </message>
    <message>
        <source>The executions could not be loaded</source>
        <translation>无法加载执行记录</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>Error code %1</source>
        <translation>错误代码 %1</translation>
    </message>
    <message>
        <source>Error code %1, request %2</source>
        <translation>错误代码 %1，请求 %2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No executions yet</source>
        <translation>暂无执行记录</translation>
    </message>
    <message>
        <source>Every run of a flow appears here as it happens, with its status, its timeline and its log. Run a flow to see the first one.</source>
        <translation>流程每次运行时都会实时显示在这里，包括状态、时间轴和日志。运行一个流程，即可看到第一条记录。</translation>
    </message>
    <message>
        <source>Go to Flows</source>
        <translation>前往流程</translation>
    </message>
    <message>
        <source>No executions match these filters</source>
        <translation>没有符合筛选条件的执行</translation>
    </message>
    <message>
        <source>Change the flow, status or time range, or clear the filters.</source>
        <translation>请更改流程、状态或时间范围，或清除筛选条件。</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Every run of every flow you may see, newest first, updated live.</source>
        <translation>您可查看的所有流程的每一次执行，最新的在前，实时更新。</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>所有流程</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>过去 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>过去 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the list again (%1)</source>
        <translation>重新读取列表（%1）</translation>
    </message>
</context>
<context>
    <name>hm::app::FleetCard</name>
    <message>
        <source>Fleet</source>
        <translation>机群</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Pending enrolment</source>
        <translation>等待注册</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Busiest CPU</source>
        <translation>处理器最忙</translation>
    </message>
    <message>
        <source>Most memory used</source>
        <translation>内存用量最高</translation>
    </message>
    <message>
        <source>Fullest disk</source>
        <translation>磁盘最满</translation>
    </message>
    <message>
        <source>Most traffic</source>
        <translation>流量最大</translation>
    </message>
    <message>
        <source>Sign in to see the fleet.</source>
        <translation>请登录以查看机群。</translation>
    </message>
    <message>
        <source>The fleet could not be read: %1</source>
        <translation>无法读取机群：%1</translation>
    </message>
    <message>
        <source>Reading the fleet…</source>
        <translation>正在读取机群…</translation>
    </message>
    <message>
        <source>No nodes yet. Enrol a machine in the Nodes section to watch it here.</source>
        <translation>尚无节点。请在“节点”栏目注册机器，即可在此监控。</translation>
    </message>
    <message>
        <source>No node is online.</source>
        <translation>没有节点在线。</translation>
    </message>
    <message numerus="yes">
        <source>%n of the online nodes reported since the server started.</source>
        <translation>
            <numerusform>在线节点中有 %n 个自服务器启动后已上报。</numerusform>
        </translation>
    </message>
    <message>
        <source>Averages over the online nodes: CPU %1 · Memory %2 · Disk %3</source>
        <translation>在线节点平均：处理器 %1 · 内存 %2 · 磁盘 %3</translation>
    </message>
    <message>
        <source> · Load %1</source>
        <translation> · 负载 %1</translation>
    </message>
    <message>
        <source>Network: %1/s in, %2/s out</source>
        <translation>网络：接收 %1/s，发送 %2/s</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>None reported</source>
        <translation>尚无上报</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowCanvasStyle</name>
    <message>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>array</source>
        <translation>数组</translation>
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
        <translation>此流程的版本 %1 已在另一个控制台中保存。保存您的更改时，将询问是重新加载该版本，还是将您的更改保存为其后的版本。</translation>
    </message>
    <message>
        <source>Version %1 of this flow was saved in another console. Reload it from the list to see it.</source>
        <translation>此流程的版本 %1 已在另一个控制台中保存。请从列表重新打开以查看。</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has changes from %2 that were never saved. Restore them?</source>
        <translation>“%1”有 %2 时未保存的更改。要恢复这些更改吗？</translation>
    </message>
    <message>
        <source>The autosaved changes cannot be opened: %1</source>
        <translation>无法打开自动保存的更改：%1</translation>
    </message>
    <message>
        <source>Restored the changes autosaved at %1. Save them to keep them.</source>
        <translation>已恢复于 %1 自动保存的更改。请保存以保留这些更改。</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them as a new version before leaving?</source>
        <translation>“%1”有未保存的更改。离开前要将其保存为新版本吗？</translation>
    </message>
    <message>
        <source>Saved as version %1 (draft).</source>
        <translation>已保存为版本 %1（草稿）。</translation>
    </message>
    <message>
        <source>Newer Version on the Server</source>
        <translation>服务器上有更新的版本</translation>
    </message>
    <message>
        <source>Someone saved a newer version of “%1” since you opened version %2.</source>
        <translation>自您打开版本 %2 后，已有人保存了“%1”的更新版本。</translation>
    </message>
    <message>
        <source>Reload shows the newer version and discards your changes. Save as New Version keeps your changes as the version after theirs.</source>
        <translation>“重新加载”会显示更新的版本并丢弃您的更改。“另存为新版本”会将您的更改保存为其后的版本。</translation>
    </message>
    <message>
        <source>Save as &amp;New Version</source>
        <translation>另存为新版本(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Version %1 is published: runs and the webhook now use it.</source>
        <translation>版本 %1 已发布：此后的运行和 Webhook 都会使用此版本。</translation>
    </message>
    <message>
        <source>Your unsaved changes are not part of any version: save them first to run them.</source>
        <translation>您未保存的更改不属于任何版本：请先保存才能运行这些更改。</translation>
    </message>
    <message>
        <source>Execution %1 started (version %2).</source>
        <translation>执行 %1 已开始（版本 %2）。</translation>
    </message>
    <message>
        <source>Execution %1 is queued at position %2: the flow allows only so many at a time.</source>
        <translation>执行 %1 已进入队列，位置 %2：此流程同时可运行的数量有限。</translation>
    </message>
    <message>
        <source>Not started: the flow is already running (%1) and its settings allow only one execution at a time.</source>
        <translation>未开始：此流程正在运行（%1），而其设置同一时间只允许一个执行。</translation>
    </message>
    <message>
        <source>Export Flow</source>
        <translation>导出流程</translation>
    </message>
    <message>
        <source>HiveMind flows (*.json)</source>
        <translation>HiveMind 流程 (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Your role (viewer) can look at flows but not change them.</source>
        <translation>您的角色（查看者）可以查看流程，但不能更改。</translation>
    </message>
    <message>
        <source>This flow is shared with you to view and run; changing it needs edit permission.</source>
        <translation>此流程以查看和运行权限共享给您；更改它需要编辑权限。</translation>
    </message>
    <message>
        <source>Your role (viewer) cannot run flows.</source>
        <translation>您的角色（查看者）不能运行流程。</translation>
    </message>
    <message>
        <source>Only the owner and people it is shared with as admin can share this flow.</source>
        <translation>只有所有者和以“管理”权限共享的人员可以共享此流程。</translation>
    </message>
    <message>
        <source>Save the changes as a new draft version</source>
        <translation>将更改保存为新的草稿版本</translation>
    </message>
    <message>
        <source>No unsaved changes</source>
        <translation>没有未保存的更改</translation>
    </message>
    <message>
        <source>Publish the latest version (unsaved changes are saved first)</source>
        <translation>发布最新版本（未保存的更改会先保存）</translation>
    </message>
    <message>
        <source>Start an execution with inputs you enter</source>
        <translation>使用您输入的数据开始一次执行</translation>
    </message>
    <message>
        <source>Choose who else sees, edits or shares the flow</source>
        <translation>选择还有谁可以查看、编辑或共享此流程</translation>
    </message>
    <message>
        <source>The URL that starts the flow without signing in</source>
        <translation>无需登录即可启动此流程的 URL</translation>
    </message>
    <message>
        <source>Save the flow to a JSON file</source>
        <translation>将流程保存为 JSON 文件</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Published · version %1</source>
        <translation>已发布 · 版本 %1</translation>
    </message>
    <message>
        <source>Draft · version %1</source>
        <translation>草稿 · 版本 %1</translation>
    </message>
    <message>
        <source>%1 · unsaved changes</source>
        <translation>%1 · 有未保存的更改</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>← Flows</source>
        <translation>← 流程</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>运行(&amp;R)…</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>共享(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Webhook…</source>
        <translation>Webhook 设置(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Back to the list of flows</source>
        <translation>返回流程列表</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Opening the flow…</source>
        <translation>正在打开流程…</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Restore Version</source>
        <translation>恢复版本</translation>
    </message>
    <message>
        <source>Restoring version %1 replaces your unsaved changes to “%2”. Restore it anyway?</source>
        <translation>恢复版本 %1 将替换您对“%2”未保存的更改。仍要恢复吗？</translation>
    </message>
    <message>
        <source>Version %1 restored as version %2 (draft).</source>
        <translation>已将版本 %1 恢复为版本 %2（草稿）。</translation>
    </message>
    <message>
        <source>Reading the versions…</source>
        <translation>正在读取版本…</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s). Select one to open it, or two to compare them.</source>
        <translation>
            <numerusform>共 %n 个版本。选择一个以打开，或选择两个以比较。</numerusform>
        </translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>&amp;Open Read-Only</source>
        <translation>以只读方式打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show the selected version without changing the draft</source>
        <translation>显示所选版本，不更改草稿</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>比较(&amp;C)</translation>
    </message>
    <message>
        <source>Compare two selected versions, or one version with the draft on the canvas</source>
        <translation>比较两个所选版本，或将一个版本与画布上的草稿比较</translation>
    </message>
    <message numerus="yes">
        <source>Saved as version %1 (draft) with %n problem(s): fix them before publishing or running it.</source>
        <translation>
            <numerusform>已保存为版本 %1（草稿），其中有 %n 个问题：请先修复，才能发布或运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version %1 was not published: it has %n problem(s). Fix them (see Problems), save, then publish.</source>
        <translation>
            <numerusform>版本 %1 未发布：其中有 %n 个问题。请修复这些问题（见“问题”面板）并保存，再发布。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowEditorWidget</name>
    <message numerus="yes">
        <source>Arranged %n node(s) with %1.</source>
        <translation>
            <numerusform>已用 %1 排列 %n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
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
        <translation>剪切</translation>
    </message>
    <message>
        <source>Cut the selected nodes</source>
        <translation>剪切所选节点</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>复制所选节点</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste nodes from the clipboard</source>
        <translation>从剪贴板粘贴节点</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Duplicate the selected nodes</source>
        <translation>为所选节点创建副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections</source>
        <translation>删除所选节点和连线</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select all nodes</source>
        <translation>选择所有节点</translation>
    </message>
    <message>
        <source>Add Node…</source>
        <translation>添加节点…</translation>
    </message>
    <message>
        <source>Search for a component and add it at the pointer</source>
        <translation>搜索组件并添加到指针所在处</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大视图</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小视图</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Show the whole flow</source>
        <translation>显示整个流程</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>缩放到所选内容</translation>
    </message>
    <message>
        <source>Show the selected nodes</source>
        <translation>显示所选节点</translation>
    </message>
    <message>
        <source>Snap to Grid</source>
        <translation>对齐网格</translation>
    </message>
    <message>
        <source>Align moved and added nodes to the grid</source>
        <translation>将移动和新增的节点对齐网格</translation>
    </message>
    <message>
        <source>Auto-Layout</source>
        <translation>自动排列</translation>
    </message>
    <message>
        <source>Arrange all nodes from left to right</source>
        <translation>从左到右排列所有节点</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Flow editor</source>
        <translation>流程编辑器</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Show or hide the inspector</source>
        <translation>显示或隐藏检查器</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Show or hide the list of problems</source>
        <translation>显示或隐藏问题列表</translation>
    </message>
    <message>
        <source>Selection</source>
        <comment>toolbar: short for Zoom to Selection</comment>
        <translation>选区</translation>
    </message>
    <message>
        <source>Snap</source>
        <comment>toolbar: short for Snap to Grid</comment>
        <translation>对齐</translation>
    </message>
    <message numerus="yes">
        <source>Arranging %n node(s)…</source>
        <translation>
            <numerusform>正在排列 %n 个节点…</numerusform>
        </translation>
    </message>
    <message>
        <source>The flow changed while it was being arranged: nothing was moved.</source>
        <translation>排列期间流程已更改：未移动任何节点。</translation>
    </message>
    <message>
        <source>Minimap</source>
        <translation>小地图</translation>
    </message>
    <message>
        <source>Show or hide the overview of the whole flow in the canvas&apos;s corner</source>
        <translation>显示或隐藏画布角落的整个流程概览</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowFragment</name>
    <message>
        <source>The pasted text is not flow nodes: %1 at character %2.</source>
        <translation>粘贴的文本不是流程节点：%1（位于第 %2 个字符）。</translation>
    </message>
    <message>
        <source>The pasted text is not flow nodes: it has no list of nodes.</source>
        <translation>粘贴的文本不是流程节点：其中没有节点列表。</translation>
    </message>
    <message>
        <source>The pasted nodes are not valid: %1</source>
        <translation>粘贴的节点无效：%1</translation>
    </message>
    <message>
        <source>The pasted nodes use the id &quot;%1&quot; twice.</source>
        <translation>粘贴的节点重复使用了 ID“%1”。</translation>
    </message>
    <message>
        <source>The pasted text holds no nodes.</source>
        <translation>粘贴的文本中没有任何节点。</translation>
    </message>
    <message>
        <source>A pasted connection refers to the node &quot;%1&quot;, which is not pasted.</source>
        <translation>粘贴的某条连接指向节点“%1”，但该节点不在粘贴的内容中。</translation>
    </message>
    <message>
        <source>The pasted connections form a cycle.</source>
        <translation>粘贴的连接构成了循环。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowGraphModel</name>
    <message>
        <source>The flow definition cannot be opened: %1</source>
        <translation>无法打开流程定义：%1</translation>
    </message>
    <message>
        <source>The flow settings are not valid: %1</source>
        <translation>流程设置无效：%1</translation>
    </message>
    <message>
        <source>The flow definition uses the node id &quot;%1&quot; twice.</source>
        <translation>流程定义重复使用了节点 ID“%1”。</translation>
    </message>
    <message>
        <source>The flow definition uses the edge id &quot;%1&quot; twice.</source>
        <translation>流程定义重复使用了连接 ID“%1”。</translation>
    </message>
    <message>
        <source>The flow definition cannot be opened: the text is not an object.</source>
        <translation>无法打开流程定义：内容不是对象。</translation>
    </message>
    <message>
        <source>There is no node &quot;%1&quot;.</source>
        <translation>找不到节点“%1”。</translation>
    </message>
    <message>
        <source>A node cannot be connected to itself.</source>
        <translation>节点不能连接到自身。</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no output &quot;%2&quot;.</source>
        <translation>节点“%1”没有输出“%2”。</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no input &quot;%2&quot;.</source>
        <translation>节点“%1”没有输入“%2”。</translation>
    </message>
    <message>
        <source>Output &quot;%1&quot; gives %2, but input &quot;%3&quot; takes %4.</source>
        <translation>输出“%1”提供 %2，但输入“%3”需要 %4。</translation>
    </message>
    <message>
        <source>These ports are already connected.</source>
        <translation>这两个端口之间已有连接。</translation>
    </message>
    <message>
        <source>Input &quot;%1&quot; of node &quot;%2&quot; is already fed by node &quot;%3&quot;.</source>
        <translation>节点“%2”的输入“%1”已由节点“%3”提供。</translation>
    </message>
    <message>
        <source>This connection would create a cycle: %1</source>
        <translation>这条连接会形成循环：%1</translation>
    </message>
    <message>
        <source>A node needs a component.</source>
        <translation>节点必须指定组件。</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation>应用布局</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>There is no connection &quot;%1&quot;.</source>
        <translation>找不到连接“%1”。</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>更改配置</translation>
    </message>
    <message>
        <source>Change input mappings</source>
        <translation>更改输入映射</translation>
    </message>
    <message>
        <source>An input mapping needs an input name.</source>
        <translation>输入映射必须指定输入名称。</translation>
    </message>
    <message>
        <source>Change flow settings</source>
        <translation>更改流程设置</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>This flow is open read-only: it cannot be changed here.</source>
        <translation>此工作流以只读方式打开：无法在此更改。</translation>
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
        <translation>服务器不认识组件 %1。</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1.</source>
        <translation>服务器没有 %1 的 %2 版本。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowLayout</name>
    <message>
        <source>built-in layered layout</source>
        <translation>内置分层布局</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowListModel</name>
    <message>
        <source>Published · version %1</source>
        <translation>已发布 · 版本 %1</translation>
    </message>
    <message>
        <source>Draft · version %1 (version %2 published)</source>
        <translation>草稿 · 版本 %1（已发布版本 %2）</translation>
    </message>
    <message>
        <source>Draft · version %1</source>
        <translation>草稿 · 版本 %1</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>从未运行</translation>
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
        <translation>执行 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last execution</source>
        <translation>最近一次执行</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowMinimap</name>
    <message>
        <source>Overview: click to move there</source>
        <translation>概览：单击即移到该处</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowNameDialog</name>
    <message>
        <source>Enter a name: a flow cannot be saved without one.</source>
        <translation>请输入名称：流程必须有名称才能保存。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowRetentionDialog</name>
    <message>
        <source>Saved. The next retention pass applies it.</source>
        <translation>已保存，下一轮保留清理时应用。</translation>
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
            <numerusform>%n 次执行</numerusform>
        </translation>
    </message>
    <message>
        <source>Applies: the server&apos;s setting (Settings › Retention).</source>
        <translation>适用：服务器的设置（设置 › 保留期限）。</translation>
    </message>
    <message>
        <source>Applies: %1, the server&apos;s setting (Settings › Retention).</source>
        <translation>适用：%1，服务器的设置（设置 › 保留期限）。</translation>
    </message>
    <message>
        <source>Applies: %1, this flow&apos;s own setting.</source>
        <translation>适用：%1，此流程自己的设置。</translation>
    </message>
    <message>
        <source>History Retention of “%1”</source>
        <translation>“%1”的历史保留</translation>
    </message>
    <message>
        <source>How long the server keeps the ended executions of this flow, and how many. Running and queued executions are never removed.</source>
        <translation>服务器保留此流程已结束执行的时间和数量。运行中和队列中的执行不会被删除。</translation>
    </message>
    <message>
        <source>Keep &amp;for:</source>
        <translation>保留时间(&amp;F)：</translation>
    </message>
    <message>
        <source>Keep at &amp;most:</source>
        <translation>最多保留(&amp;M)：</translation>
    </message>
    <message>
        <source>The server&apos;s setting</source>
        <translation>服务器的设置</translation>
    </message>
    <message>
        <source>Days of its own</source>
        <translation>自定义天数</translation>
    </message>
    <message>
        <source>A number of its own</source>
        <translation>自定义数量</translation>
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
        <translation> 次执行</translation>
    </message>
    <message>
        <source>Changing it needs edit permission on the flow.</source>
        <translation>更改此设置需要该流程的编辑权限。</translation>
    </message>
    <message>
        <source>Use the Server&apos;s Settings</source>
        <translation>使用服务器的设置</translation>
    </message>
    <message>
        <source>Both limits follow Settings › Retention again (after Save).</source>
        <translation>两项限制重新按照“设置 › 保留期限”（保存后生效）。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowVersionViewer</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1: added %2</source>
        <translation>%1：新增 %2</translation>
    </message>
    <message>
        <source>%1: removed (was %2)</source>
        <translation>%1：已删除（原为 %2）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>+ %1: node added (%2)</source>
        <translation>+ %1：新增节点（%2）</translation>
    </message>
    <message>
        <source>− %1: node removed (%2)</source>
        <translation>− %1：删除节点（%2）</translation>
    </message>
    <message>
        <source>component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>config</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>input mappings</source>
        <translation>输入映射</translation>
    </message>
    <message>
        <source>other fields</source>
        <translation>其他字段</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>%1: moved</source>
        <translation>%1：已移动</translation>
    </message>
    <message>
        <source>~ %1: %2 changed</source>
        <translation>~ %1：%2 已更改</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>config · %1</source>
        <translation>配置 · %1</translation>
    </message>
    <message>
        <source>input · %1</source>
        <translation>输入 · %1</translation>
    </message>
    <message>
        <source>+ connection %1 → %2 added</source>
        <translation>+ 新增连接 %1 → %2</translation>
    </message>
    <message>
        <source>− connection %1 → %2 removed</source>
        <translation>− 删除连接 %1 → %2</translation>
    </message>
    <message>
        <source>~ flow settings changed</source>
        <translation>~ 工作流设置已更改</translation>
    </message>
    <message>
        <source>~ definition · %1</source>
        <translation>~ 定义 · %1</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <source>&amp;Restore as Draft</source>
        <translation>恢复为草稿(&amp;R)</translation>
    </message>
    <message>
        <source>Save this version&apos;s content as a new draft version after the latest one</source>
        <translation>将此版本的内容另存为最新版本之后的新草稿版本</translation>
    </message>
    <message>
        <source>&amp;Back to the Draft</source>
        <translation>返回草稿(&amp;B)</translation>
    </message>
    <message>
        <source>Close this view and go back to editing</source>
        <translation>关闭此视图并返回编辑</translation>
    </message>
    <message>
        <source>You may look at this flow but not change it.</source>
        <translation>您可以查看此工作流，但不能更改。</translation>
    </message>
    <message>
        <source>Version %1 of “%2”, saved by %3 on %4. Read-only: restore it as a draft to edit it.</source>
        <translation>“%2”的版本 %1，由 %3 于 %4 保存。只读：请将其恢复为草稿后再编辑。</translation>
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
        <translation>更改：%1 → %2。只读。</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>新增 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>删除 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>更改 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections: %1 added, %2 removed. Settings: %3 changed.</source>
        <translation>连接：新增 %1 条、删除 %2 条。设置：更改 %3 项。</translation>
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
        <translation>● 已发布</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>已弃用</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Published on %1: runs and the webhook use this version.</source>
        <translation>于 %1 发布：执行和 Webhook 都使用此版本。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowView</name>
    <message>
        <source>Select the nodes to zoom to first.</source>
        <translation>请先选择要缩放查看的节点。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select the nodes to copy first.</source>
        <translation>请先选择要复制的节点。</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s).</source>
        <translation>
            <numerusform>已复制 %n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the nodes to cut first.</source>
        <translation>请先选择要剪切的节点。</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>剪贴板中没有节点。</translation>
    </message>
    <message>
        <source>Select the nodes to duplicate first.</source>
        <translation>请先选择要创建副本的节点。</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n node(s).</source>
        <translation>
            <numerusform>已粘贴 %n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>No components are known yet: connect to a server first.</source>
        <translation>尚无已知组件：请先连接到服务器。</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>This flow has no nodes yet</source>
        <translation>此流程还没有节点</translation>
    </message>
    <message>
        <source>Drag a component from the palette, or press %1 or start typing to add one here.</source>
        <translation>从组件面板拖动组件到这里，或按 %1 键、直接输入名称来添加。</translation>
    </message>
    <message>
        <source>This flow is open read-only: it cannot be changed here.</source>
        <translation>此工作流以只读方式打开：无法在此更改。</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowsPage</name>
    <message>
        <source>More flows could not be loaded: %1</source>
        <translation>无法加载更多流程：%1</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <source>The console closed before your changes to “%1” (autosaved %2) were saved. Open the flow with them now? Discard deletes them; Cancel keeps them for when you next open the flow.</source>
        <translation>控制台在您对“%1”的更改（自动保存于 %2）保存之前就关闭了。要立即打开流程并应用这些更改吗？“丢弃”会删除这些更改；“取消”则保留到您下次打开此流程时。</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>Loading flows…</source>
        <translation>正在加载流程…</translation>
    </message>
    <message>
        <source>The flows cannot be shown</source>
        <translation>无法显示流程</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>%1: %2 (request %3)</source>
        <translation>%1：%2（请求 %3）</translation>
    </message>
    <message>
        <source>No flows match</source>
        <translation>没有匹配的流程</translation>
    </message>
    <message>
        <source>No flow you can see has “%1” in its name.</source>
        <translation>在您可查看的流程中，没有名称包含“%1”的流程。</translation>
    </message>
    <message>
        <source>You have not created any flows yet.</source>
        <translation>您还没有创建任何流程。</translation>
    </message>
    <message>
        <source>Nobody has shared a flow with you yet.</source>
        <translation>目前还没有人向您共享流程。</translation>
    </message>
    <message>
        <source>Show &amp;All Flows</source>
        <translation>显示所有流程(&amp;A)</translation>
    </message>
    <message>
        <source>No flows yet</source>
        <translation>还没有流程</translation>
    </message>
    <message>
        <source>A flow is a graph of components that the server runs step by step each time it is triggered. Create one, or import a flow file.</source>
        <translation>流程是由组件组成的图，每次触发时服务器会逐步运行它。创建一个流程，或导入流程文件。</translation>
    </message>
    <message>
        <source>&amp;New Flow</source>
        <translation>新建流程(&amp;N)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n flow(s) shown</source>
        <translation>
            <numerusform>显示 %1 个，共 %n 个流程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n 个流程</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role (viewer) can look at flows but not change them.</source>
        <translation>您的角色（查看者）可以查看流程，但不能更改。</translation>
    </message>
    <message>
        <source>Select a flow first.</source>
        <translation>请先选择一个流程。</translation>
    </message>
    <message>
        <source>Create an empty flow and open it</source>
        <translation>创建空白流程并打开</translation>
    </message>
    <message>
        <source>Create a flow from a JSON file</source>
        <translation>从 JSON 文件创建流程</translation>
    </message>
    <message>
        <source>Open the flow in the editor (double-clicking a row does the same)</source>
        <translation>在编辑器中打开流程（双击某一行也可以）</translation>
    </message>
    <message>
        <source>Your role (viewer) cannot run flows.</source>
        <translation>您的角色（查看者）不能运行流程。</translation>
    </message>
    <message>
        <source>Start an execution with inputs you enter</source>
        <translation>使用您输入的数据开始一次执行</translation>
    </message>
    <message>
        <source>This flow is shared with you to view and run; renaming it needs edit permission.</source>
        <translation>此流程以查看和运行权限共享给您；重命名需要编辑权限。</translation>
    </message>
    <message>
        <source>Give the flow another name</source>
        <translation>为流程取一个新名称</translation>
    </message>
    <message>
        <source>Create a copy of the flow&apos;s latest version under a new name</source>
        <translation>以新名称创建此流程最新版本的副本</translation>
    </message>
    <message>
        <source>Only the flow&apos;s owner (or an administrator) can delete it.</source>
        <translation>只有流程所有者（或管理员）可以删除它。</translation>
    </message>
    <message>
        <source>Delete the flow with its versions, shares and webhook</source>
        <translation>删除此流程及其版本、共享和 Webhook</translation>
    </message>
    <message>
        <source>Only the owner and people it is shared with as admin can share this flow.</source>
        <translation>只有所有者和以“管理”权限共享的人员可以共享此流程。</translation>
    </message>
    <message>
        <source>Choose who else sees, edits or shares the flow</source>
        <translation>选择还有谁可以查看、编辑或共享此流程</translation>
    </message>
    <message>
        <source>The webhook of a flow needs edit permission on it.</source>
        <translation>流程的 Webhook 需要该流程的编辑权限。</translation>
    </message>
    <message>
        <source>The URL that starts the flow without signing in</source>
        <translation>无需登录即可启动此流程的 URL</translation>
    </message>
    <message>
        <source>Save the flow&apos;s latest version to a JSON file</source>
        <translation>将流程的最新版本保存为 JSON 文件</translation>
    </message>
    <message>
        <source>Read the list from the server again</source>
        <translation>重新从服务器读取列表</translation>
    </message>
    <message>
        <source>Search the flows by name</source>
        <translation>按名称搜索流程</translation>
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
        <translation>未创建“%1”。%2</translation>
    </message>
    <message>
        <source>New Flow</source>
        <translation>新建流程</translation>
    </message>
    <message>
        <source>Name of the new flow:</source>
        <translation>新流程的名称：</translation>
    </message>
    <message>
        <source>Created “%1”.</source>
        <translation>已创建“%1”。</translation>
    </message>
    <message>
        <source>Import Flow</source>
        <translation>导入流程</translation>
    </message>
    <message>
        <source>HiveMind flows (*.json)</source>
        <translation>HiveMind 流程 (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 cannot be imported.

%2</source>
        <translation>无法导入 %1。

%2</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Name of the imported flow:</source>
        <translation>导入流程的名称：</translation>
    </message>
    <message>
        <source>Imported “%1” as a new flow.</source>
        <translation>已将“%1”导入为新流程。</translation>
    </message>
    <message>
        <source>Rename Flow</source>
        <translation>重命名流程</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>已将“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <source>“%1” was not renamed. %2</source>
        <translation>未重命名“%1”。%2</translation>
    </message>
    <message>
        <source>Duplicate Flow</source>
        <translation>创建流程副本</translation>
    </message>
    <message>
        <source>Name of the copy of “%1”:</source>
        <translation>“%1”副本的名称：</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Created “%1” as a copy.</source>
        <translation>已创建副本“%1”。</translation>
    </message>
    <message>
        <source>Delete Flow</source>
        <translation>删除流程</translation>
    </message>
    <message>
        <source>Delete “%1”? Its versions, its webhook and its shares are deleted with it; the history of its executions stays.</source>
        <translation>要删除“%1”吗？其版本、Webhook 和共享都会一并删除；其执行记录会保留。</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>“%1” was not deleted. %2</source>
        <translation>未删除“%1”。%2</translation>
    </message>
    <message>
        <source>Export Flow</source>
        <translation>导出流程</translation>
    </message>
    <message>
        <source>Exported “%1” (version %2) to %3.</source>
        <translation>已将“%1”（版本 %2）导出到 %3。</translation>
    </message>
    <message>
        <source>“%1” did not start. %2</source>
        <translation>“%1”未开始。%2</translation>
    </message>
    <message>
        <source>“%1” did not start: it is already running and its settings allow only one execution at a time.</source>
        <translation>“%1”未开始：它正在运行，而其设置同一时间只允许一个执行。</translation>
    </message>
    <message>
        <source>Execution %1 of “%2” is queued at position %3.</source>
        <translation>“%2”的执行 %1 已进入队列，位置 %3。</translation>
    </message>
    <message>
        <source>Execution %1 of “%2” started.</source>
        <translation>“%2”的执行 %1 已开始。</translation>
    </message>
    <message>
        <source>&amp;New Flow…</source>
        <translation>新建流程(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>运行(&amp;R)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>创建副本(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>共享(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Webhook…</source>
        <translation>Webhook 设置(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Find Flow</source>
        <translation>查找流程(&amp;F)</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流程</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, runs and sharing.</source>
        <translation>以组件组成的图来设计的工作流，包括其版本、运行和共享。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>按名称搜索</translation>
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
        <translation>共享给我的</translation>
    </message>
    <message>
        <source>How long and how many of its ended executions are kept</source>
        <translation>流程已结束的执行要保留多久、保留多少</translation>
    </message>
    <message>
        <source>History Re&amp;tention…</source>
        <translation>历史保留(&amp;T)…</translation>
    </message>
    <message>
        <source>Fl&amp;ow</source>
        <translation>流程(&amp;O)</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>重命名(&amp;M)…</translation>
    </message>
    <message>
        <source>Refresh &amp;List</source>
        <translation>刷新列表(&amp;L)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::GanttTimeline</name>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>No node has run yet.</source>
        <translation>尚无节点运行过。</translation>
    </message>
    <message>
        <source>%1, attempt %2: %3</source>
        <translation>%1，第 %2 次尝试：%3</translation>
    </message>
    <message>
        <source>Started %1, took %2</source>
        <translation>开始于 %1，耗时 %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Retried after a wait.</source>
        <translation>等待后已重试。</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier attempt(s) made while not connected.</source>
        <translation>
            <numerusform>连接断开期间另有 %n 次较早的尝试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Outputs reused from the execution re-run.</source>
        <translation>输出沿用自被重新运行的那次执行。</translation>
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
        <translation>字符串</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>array</source>
        <translation>数组</translation>
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
        <translation>服务器不认识组件 %1，因此无法检查其配置。请以 JSON 编辑。</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1, so its configuration cannot be checked. Edit it as JSON.</source>
        <translation>服务器没有 %1 的 %2 版本，因此无法检查其配置。请以 JSON 编辑。</translation>
    </message>
    <message>
        <source>The component %1 describes no configuration. Anything entered here is handed to it as it is.</source>
        <translation>组件 %1 未描述任何配置。在此输入的内容会原样交给它。</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · 版本 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes selected</source>
        <translation>
            <numerusform>已选择 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a single node to edit it. Meanwhile the flow&apos;s settings are shown.</source>
        <translation>选择单个节点即可编辑。在此之前显示流程设置。</translation>
    </message>
    <message>
        <source>Flow settings</source>
        <translation>流程设置</translation>
    </message>
    <message>
        <source>Select a node to edit its configuration and inputs.</source>
        <translation>选择节点以编辑其配置与输入。</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>The node&apos;s configuration</source>
        <translation>节点的配置</translation>
    </message>
    <message>
        <source>Where each input of the node gets its value</source>
        <translation>节点的每个输入从何处取值</translation>
    </message>
    <message>
        <source>Concurrency, timeouts, retry, history, notifications</source>
        <translation>并发、超时、重试、历史记录、通知</translation>
    </message>
    <message>
        <source>The same as JSON text</source>
        <translation>以 JSON 文本呈现相同内容</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
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
        <translation>端点(&amp;E)</translation>
    </message>
    <message>
        <source>Choose an endpoint</source>
        <translation>选择端点</translation>
    </message>
    <message>
        <source>Deleted service</source>
        <translation>已删除的服务</translation>
    </message>
    <message>
        <source>Unknown service</source>
        <translation>未知服务</translation>
    </message>
    <message>
        <source>unknown endpoint</source>
        <translation>未知端点</translation>
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
        <translation>端点列表（尚）未列出此端点。</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1（已禁用）</translation>
    </message>
    <message>
        <source>%1 (service inactive)</source>
        <translation>%1（服务未启用）</translation>
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
        <translation>无法读取地址池：%1</translation>
    </message>
    <message>
        <source>The allocations could not be read: %1</source>
        <translation>无法读取分配：%1</translation>
    </message>
    <message>
        <source>New pool...</source>
        <translation>新建地址池…</translation>
    </message>
    <message>
        <source>Edit pool...</source>
        <translation>编辑地址池…</translation>
    </message>
    <message>
        <source>Delete pool...</source>
        <translation>删除地址池…</translation>
    </message>
    <message>
        <source>Delegate prefix...</source>
        <translation>委派前缀…</translation>
    </message>
    <message>
        <source>Release...</source>
        <translation>释放…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Delegated length</source>
        <translation>委派长度</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Allocated at</source>
        <translation>分配时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>%1 of %2 prefixes available</source>
        <translation>%2 个前缀中有 %1 个可用</translation>
    </message>
    <message>
        <source>%1 (no WireGuard client)</source>
        <translation>%1（无 WireGuard 客户端）</translation>
    </message>
    <message>
        <source>Sign in to see the IPv6 prefix pools.</source>
        <translation>登录后即可查看 IPv6 前缀地址池。</translation>
    </message>
    <message>
        <source>No IPv6 prefix pools yet. A pool is a prefix (e.g. 2001:db8::/48) cut into prefixes of one length (e.g. /56) delegated to clients.</source>
        <translation>暂无 IPv6 前缀地址池。地址池是一个前缀（例如 2001:db8::/48），划分为同一长度的前缀（例如 /56）委派给客户端。</translation>
    </message>
    <message>
        <source>Prefixes delegated from %1</source>
        <translation>从 %1 委派的前缀</translation>
    </message>
    <message>
        <source>Delegated prefixes</source>
        <translation>已委派的前缀</translation>
    </message>
    <message>
        <source>Select a pool to see its delegated prefixes.</source>
        <translation>选择地址池以查看其已委派的前缀。</translation>
    </message>
    <message>
        <source>No prefix of this pool is delegated yet.</source>
        <translation>此地址池尚未委派任何前缀。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a pool first.</source>
        <translation>请先选择地址池。</translation>
    </message>
    <message>
        <source>A new pool: a prefix cut into prefixes of one length.</source>
        <translation>新地址池：将一个前缀划分为同一长度的前缀。</translation>
    </message>
    <message>
        <source>Change the pool; its prefix only while none is delegated.</source>
        <translation>更改地址池；仅在尚未委派任何前缀时可更改其前缀。</translation>
    </message>
    <message>
        <source>Delete the pool and release its delegated prefixes.</source>
        <translation>删除地址池并释放其已委派的前缀。</translation>
    </message>
    <message>
        <source>The pool is disabled.</source>
        <translation>此地址池已禁用。</translation>
    </message>
    <message>
        <source>Delegate a prefix of this pool to a WireGuard client or a name.</source>
        <translation>将此地址池的一个前缀委派给 WireGuard 客户端或指定名称。</translation>
    </message>
    <message>
        <source>Release the prefix: it is free for the next delegation.</source>
        <translation>释放前缀：可供下次委派使用。</translation>
    </message>
    <message>
        <source>Select a delegated prefix first.</source>
        <translation>请先选择已委派的前缀。</translation>
    </message>
    <message>
        <source>Edit IPv6 pool</source>
        <translation>编辑 IPv6 地址池</translation>
    </message>
    <message>
        <source>New IPv6 pool</source>
        <translation>新建 IPv6 地址池</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Delegated length:</source>
        <translation>委派长度(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reserved prefixes:</source>
        <translation>保留前缀数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Automatic:</source>
        <translation>自动分配(&amp;A)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. 2001:db8::/48</source>
        <translation>例如 2001:db8::/48</translation>
    </message>
    <message>
        <source>Hand out the lowest free prefix when none is given</source>
        <translation>未指定时分配最小的空闲前缀</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A pool needs a name.</source>
        <translation>地址池需要名称。</translation>
    </message>
    <message>
        <source>An IPv6 prefix with its host bits zero, e.g. 2001:db8::/48.</source>
        <translation>主机位全为零的 IPv6 前缀，例如 2001:db8::/48。</translation>
    </message>
    <message>
        <source>At least the pool&apos;s own length, /%1.</source>
        <translation>至少为地址池本身的长度 /%1。</translation>
    </message>
    <message>
        <source>Delegate a prefix of %1</source>
        <translation>委派 %1 的前缀</translation>
    </message>
    <message>
        <source>(a name, no WireGuard client)</source>
        <translation>（名称，非 WireGuard 客户端）</translation>
    </message>
    <message>
        <source>WireGuard &amp;client:</source>
        <translation>WireGuard 客户端(&amp;C)：</translation>
    </message>
    <message>
        <source>The name the prefix is delegated to</source>
        <translation>前缀委派对象的名称</translation>
    </message>
    <message>
        <source>A given prefix</source>
        <translation>指定前缀</translation>
    </message>
    <message>
        <source>Automatic: the lowest free /%1 of %2</source>
        <translation>自动：%2 中最小的空闲 /%1</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>委派</translation>
    </message>
    <message>
        <source>Pick a client or give a name.</source>
        <translation>请选择客户端或输入名称。</translation>
    </message>
    <message>
        <source>A /%1 of %2 with its host bits zero.</source>
        <translation>%2 中主机位全为零的 /%1。</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its %2 delegated prefixes are released with it; their clients lose them. This cannot be undone.</source>
        <translation>要删除“%1”吗？其 %2 个已委派的前缀将一并释放，客户端将失去这些前缀。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? This cannot be undone.</source>
        <translation>要删除“%1”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete IPv6 pool</source>
        <translation>删除 IPv6 地址池</translation>
    </message>
    <message>
        <source>The pool was not deleted: %1</source>
        <translation>地址池未删除：%1</translation>
    </message>
    <message>
        <source>Release prefix</source>
        <translation>释放前缀</translation>
    </message>
    <message>
        <source>Release %1 of &quot;%2&quot;? Its route is taken away and the next delegation may get it.</source>
        <translation>要释放“%2”的 %1 吗？其路由将被移除，下次委派可能会获得此前缀。</translation>
    </message>
    <message>
        <source>The prefix was not released: %1</source>
        <translation>前缀未释放：%1</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Active: prefixes are delegated from it and it is announced over BGP.</source>
        <translation>活动：会从此地址池委派前缀，并通过 BGP 通告。</translation>
    </message>
    <message>
        <source>Disabled: nothing new is delegated from it and it is not announced over BGP; its delegated prefixes stay.</source>
        <translation>已禁用：不再从此地址池委派新的前缀，也不通过 BGP 通告；已委派的前缀保留。</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>%1 (expired, being released)</source>
        <translation>%1（已过期，正在释放）</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>A disabled pool delegates nothing new and is not announced over BGP; its delegated prefixes stay.</source>
        <translation>禁用的地址池不会再委派新的前缀，也不通过 BGP 通告；已委派的前缀保留。</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>过期时间(&amp;X)：</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>At this time the server releases the prefix by itself; unset, it stays until released.</source>
        <translation>到了这个时间，服务器会自动释放此前缀；未设置时，前缀会保留到被释放为止。</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>过期时间必须晚于现在。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
</context>
<context>
    <name>hm::app::JsonField</name>
    <message>
        <source>A JSON value.</source>
        <translation>一个 JSON 值。</translation>
    </message>
    <message>
        <source>This is not valid JSON.</source>
        <translation>这不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Enter a JSON object.</source>
        <translation>请输入 JSON 对象。</translation>
    </message>
</context>
<context>
    <name>hm::app::KeyStatusPanel</name>
    <message>
        <source>The key status could not be read: %1</source>
        <translation>无法读取密钥状态：%1</translation>
    </message>
    <message>
        <source>Rotate the credential key</source>
        <translation>轮换凭据密钥</translation>
    </message>
    <message>
        <source>Create a new data key and re-encrypt every stored credential with it? The credentials stay usable while this runs, and the old key is retired at the end.</source>
        <translation>要创建新的数据密钥，并用它重新加密所有已保存的凭据吗？过程中凭据仍可使用，完成后旧密钥将停用。</translation>
    </message>
    <message>
        <source>The key was not rotated: %1</source>
        <translation>密钥未轮换：%1</translation>
    </message>
    <message>
        <source>Encryption key</source>
        <translation>加密密钥</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Reading the key status...</source>
        <translation>正在读取密钥状态…</translation>
    </message>
    <message>
        <source>Credentials are encrypted with data key version %1. Rotating makes a new version and re-encrypts every credential with it.</source>
        <translation>凭据使用第 %1 版数据密钥加密。轮换会创建新版本，并用它重新加密所有凭据。</translation>
    </message>
    <message>
        <source>Data key version %1 is active; the rotation is %2.</source>
        <translation>第 %1 版数据密钥使用中；轮换状态：%2。</translation>
    </message>
    <message>
        <source>The last rotation ended %1.</source>
        <translation>上次轮换结束于 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) could not be decrypted and keep the old key.</source>
        <translation>
            <numerusform>有 %n 个凭据无法解密，仍使用旧密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 re-encrypted</source>
        <translation>已重新加密 %1 / %2</translation>
    </message>
    <message>
        <source>Rotate key...</source>
        <translation>轮换密钥…</translation>
    </message>
    <message>
        <source>A rotation is running.</source>
        <translation>轮换正在进行。</translation>
    </message>
    <message>
        <source>Make a new data key and re-encrypt every credential.</source>
        <translation>创建新的数据密钥并重新加密所有凭据。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>No data key yet: the first credential stored makes one.</source>
        <translation>还没有数据密钥：保存第一个凭据时会创建。</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>轮换</translation>
    </message>
</context>
<context>
    <name>hm::app::KillProcessDialog</name>
    <message>
        <source>Kill process</source>
        <translation>终止进程</translation>
    </message>
    <message>
        <source>Send a signal to &quot;%1&quot; (pid %2, user %3) on %4?</source>
        <translation>要向 %4 上的“%1”（pid %2，用户 %3）发送信号吗？</translation>
    </message>
    <message>
        <source>&amp;Signal:</source>
        <translation>信号(&amp;S)：</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>强制终止</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>User signal</source>
        <translation>用户信号</translation>
    </message>
    <message>
        <source>Asks the process to end; it may clean up first, or ignore it.</source>
        <translation>请求进程结束；它可以先清理，也可以忽略。</translation>
    </message>
    <message>
        <source>Ends the process at once; it cannot clean up or refuse. Unsaved work is lost.</source>
        <translation>立即结束进程；它无法清理或拒绝。未保存的工作将会丢失。</translation>
    </message>
    <message>
        <source>Many services read their configuration again on it; other programs end.</source>
        <translation>许多服务收到后会重新读取配置；其他程序则会结束。</translation>
    </message>
    <message>
        <source>As Ctrl+C in a terminal: most programs end.</source>
        <translation>如同在终端中按 Ctrl+C：大多数程序会结束。</translation>
    </message>
    <message>
        <source>Ends the process and may write a core dump.</source>
        <translation>结束进程，并可能生成核心转储。</translation>
    </message>
    <message>
        <source>Pauses the process until it gets CONT; it cannot refuse.</source>
        <translation>暂停进程，直到收到 CONT；它无法拒绝。</translation>
    </message>
    <message>
        <source>Resumes a paused process.</source>
        <translation>让暂停的进程继续运行。</translation>
    </message>
    <message>
        <source>What it does is up to the program.</source>
        <translation>效果由程序自行决定。</translation>
    </message>
    <message>
        <source>Send SIG%1</source>
        <translation>发送 SIG%1</translation>
    </message>
</context>
<context>
    <name>hm::app::LogListModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>hm::app::MailSettingsTab</name>
    <message>
        <source>read the mail settings</source>
        <translation>读取电子邮件设置</translation>
    </message>
    <message>
        <source>save the mail settings</source>
        <translation>保存电子邮件设置</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>send the test e-mail</source>
        <translation>发送测试电子邮件</translation>
    </message>
    <message>
        <source>Sent to %1. Check that mailbox.</source>
        <translation>已发送至 %1，请检查该邮箱。</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>A password is set.</source>
        <translation>已设置密码。</translation>
    </message>
    <message>
        <source>No password set.</source>
        <translation>未设置密码。</translation>
    </message>
    <message>
        <source>type to replace it</source>
        <translation>输入以替换</translation>
    </message>
    <message>
        <source>only when the server asks for a sign-in</source>
        <translation>仅在服务器要求登录时需要</translation>
    </message>
    <message>
        <source>Only administrators see and change the mail settings.</source>
        <translation>只有管理员可以查看和更改电子邮件设置。</translation>
    </message>
    <message>
        <source>SMTP server for account e-mail</source>
        <translation>账号电子邮件的 SMTP 服务器</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>smtp.example.com; empty: the server sends no e-mail</source>
        <translation>smtp.example.com；留空：服务器不发送电子邮件</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
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
        <translation>无（仅限受信任的网络）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <source>hivemind@example.com</source>
        <translation>hivemind@example.com</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>公开网址</translation>
    </message>
    <message>
        <source>optional: links in the mails; else the mails carry a code</source>
        <translation>选填：邮件中的链接；否则邮件只附代码</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Send a test e-mail to</source>
        <translation>发送测试电子邮件至</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>Send Test</source>
        <translation>发送测试</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Navigation Sidebar</source>
        <translation>导航侧栏(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>状态栏(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh Server Status</source>
        <translation>刷新服务器状态(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About HiveMind</source>
        <translation>关于 HiveMind(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Server failed: %1</source>
        <translation>服务器故障：%1</translation>
    </message>
    <message>
        <source>Server version unknown</source>
        <translation>服务器版本未知</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>Data Directory in Use</source>
        <translation>数据目录正被占用</translation>
    </message>
    <message>
        <source>Another HiveMind server (process %1) is using the data directory %2.</source>
        <translation>另一个 HiveMind 服务器（进程 %1）正在使用数据目录 %2。</translation>
    </message>
    <message>
        <source>Its address is not known. Stop that server, or start the console with another --data-dir.</source>
        <translation>无法获知它的地址。请停止该服务器，或使用其他 --data-dir 启动控制台。</translation>
    </message>
    <message>
        <source>Connect to it at %1 instead?</source>
        <translation>要改为连接到位于 %1 的该服务器吗？</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>No keychain answered, so the sign-in is not saved: you stay signed in until the console closes and sign in again at the next start.</source>
        <translation>没有可用的密钥环，因此不会保存本次登录：在控制台关闭前保持登录，下次启动时需要重新登录。</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), for this session only</source>
        <translation>已登录：%1（%2），仅限本次会话</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>Local server</source>
        <translation>本地服务器</translation>
    </message>
    <message>
        <source>S&amp;witch Server</source>
        <translation>切换服务器(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Switch Server ▾</source>
        <translation>切换服务器 ▾</translation>
    </message>
    <message>
        <source>Connect to another server, or add or edit servers</source>
        <translation>连接到其他服务器，或添加、编辑服务器</translation>
    </message>
    <message>
        <source>My &amp;Account…</source>
        <translation>我的账户(&amp;A)…</translation>
    </message>
    <message>
        <source>First start: the local server created the administrator account. Its password was generated and saved in %1; right after signing in you choose your own, and the file is deleted.</source>
        <translation>首次启动：本地服务器已创建管理员账号。其密码为自动生成，并保存在 %1；登录后您会立即设置自己的密码，该文件随即删除。</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>前往</translation>
    </message>
    <message>
        <source>&amp;Find in This View</source>
        <translation>在此视图中搜索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>命令面板(&amp;C)…</translation>
    </message>
    <message>
        <source>A&amp;dd Server…</source>
        <translation>添加服务器(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>hm::app::MaintenanceDialog</name>
    <message>
        <source>Plan maintenance</source>
        <translation>计划维护</translation>
    </message>
    <message>
        <source>While the window lasts, the rules raise no alert on the nodes it covers; alerts open already still resolve. A value still over its threshold fires once the window ends and the rule&apos;s time has passed.</source>
        <translation>维护时段内，规则不会对其覆盖的节点触发告警；已打开的告警仍会照常解除。时段结束后，若数值仍超过阈值，会在规则的持续时间过后触发。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Kernel upgrade</source>
        <translation>内核升级</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>开始(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Lasts:</source>
        <translation>持续(&amp;L)：</translation>
    </message>
    <message>
        <source>Until a time I choose</source>
        <translation>直到我指定的时间</translation>
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
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>结束(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Covers:</source>
        <translation>覆盖(&amp;C)：</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A window needs a name.</source>
        <translation>维护时段需要名称。</translation>
    </message>
    <message>
        <source>The window must end after it starts.</source>
        <translation>维护时段的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>This end has passed already.</source>
        <translation>此结束时间已经过去。</translation>
    </message>
    <message>
        <source>A window lasts at most 30 days.</source>
        <translation>维护时段最长 30 天。</translation>
    </message>
    <message>
        <source>Pick the node the window covers.</source>
        <translation>请选择此维护时段覆盖的节点。</translation>
    </message>
</context>
<context>
    <name>hm::app::MaintenanceModel</name>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>The nodes it covers raise no alert until it ends.</source>
        <translation>时段结束前，其覆盖的节点不会触发告警。</translation>
    </message>
    <message>
        <source>Alerts are held back from its start.</source>
        <translation>自开始时间起暂缓告警。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>hm::app::MappingEditor</name>
    <message>
        <source>Remove the mapping of %1</source>
        <translation>删除 %1 的映射</translation>
    </message>
    <message>
        <source>This input takes %1.</source>
        <translation>此输入接受%1。</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>$.trigger.… or $.nodes.…, or a fixed value</source>
        <translation>$.trigger.… 或 $.nodes.…，或固定值</translation>
    </message>
    <message>
        <source>Not mapped: the default %1 is used.</source>
        <translation>未映射：使用默认值 %1。</translation>
    </message>
    <message>
        <source>Required: map this input.</source>
        <translation>必填：请为此输入设置映射。</translation>
    </message>
    <message>
        <source>Not mapped.</source>
        <translation>未映射。</translation>
    </message>
    <message>
        <source>Type mismatch: this input takes %1, but the mapping gives %2.</source>
        <translation>类型不匹配：此输入需要%1，但映射提供的是%2。</translation>
    </message>
    <message>
        <source>Each input gets its value from a mapping: $.trigger.… reads the trigger input, $.nodes.&lt;id&gt;.output.… the output of a node upstream, and anything else is a fixed value (JSON).</source>
        <translation>每个输入的值来自其映射：$.trigger.… 读取触发输入，$.nodes.&lt;id&gt;.output.… 读取上游节点的输出，其他内容则是固定值（JSON）。</translation>
    </message>
    <message>
        <source>This component takes any inputs. Add the ones it should get.</source>
        <translation>此组件接受任意输入。请添加它应获取的输入。</translation>
    </message>
    <message>
        <source>The server does not describe this component&apos;s inputs. Add the ones it should get.</source>
        <translation>服务器未描述此组件的输入。请添加它应获取的输入。</translation>
    </message>
    <message>
        <source>Input name</source>
        <translation>输入名称</translation>
    </message>
    <message>
        <source>Add Input</source>
        <translation>添加输入</translation>
    </message>
    <message>
        <source>Add an input and map it</source>
        <translation>添加输入并设置其映射</translation>
    </message>
</context>
<context>
    <name>hm::app::MappingText</name>
    <message>
        <source>This expression cannot be read at character %1.</source>
        <translation>无法解析此表达式（第 %1 个字符）。</translation>
    </message>
    <message>
        <source>This reference cannot be read: %1</source>
        <translation>无法解析此引用：%1</translation>
    </message>
    <message>
        <source>This is not valid JSON. Write text without { [ or &quot; at the start, or complete the JSON.</source>
        <translation>这不是有效的 JSON。纯文本请勿以 { [ 或 &quot; 开头，否则请补全 JSON。</translation>
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
        <translation>已存储的二进制数据（字节）。</translation>
    </message>
    <message>
        <source>Reads the trigger input; its type is known when the flow runs.</source>
        <translation>读取触发输入；其类型要到流程运行时才能确定。</translation>
    </message>
    <message>
        <source>Reads all outputs of node “%1” (object).</source>
        <translation>读取节点“%1”的所有输出（对象）。</translation>
    </message>
    <message>
        <source>Reads output “%2” of node “%1” (%3).</source>
        <translation>读取节点“%1”的输出“%2”（%3）。</translation>
    </message>
    <message>
        <source>Reads output “%2” of node “%1”; its type is known when the flow runs.</source>
        <translation>读取节点“%1”的输出“%2”；其类型要到流程运行时才能确定。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeAgentView</name>
    <message>
        <source>Upgrade agent</source>
        <translation>升级代理</translation>
    </message>
    <message>
        <source>Upgrade the agent on &quot;%1&quot; to the latest release? It restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>要将“%1”上的代理升级到最新版本吗？代理会以新版本重启；如果无法连接服务器，会自动恢复为旧版本。</translation>
    </message>
    <message>
        <source>Upgrade the agent on &quot;%1&quot; to version %2? It restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>要将“%1”上的代理升级到版本 %2 吗？代理会以新版本重启；如果无法连接服务器，会自动恢复为旧版本。</translation>
    </message>
    <message>
        <source>Restart agent</source>
        <translation>重启代理</translation>
    </message>
    <message>
        <source>Restart the agent on &quot;%1&quot;? Its open terminals close.</source>
        <translation>要重启“%1”上的代理吗？已打开的终端会关闭。</translation>
    </message>
    <message>
        <source>Reboot node</source>
        <translation>重启节点</translation>
    </message>
    <message>
        <source>Reboot &quot;%1&quot;? Everything running on the machine stops; it is offline until it has started again.</source>
        <translation>要重启“%1”吗？机器上运行的一切都会停止，重启完成前节点会离线。</translation>
    </message>
    <message>
        <source>Upgrading the agent…</source>
        <translation>正在升级代理…</translation>
    </message>
    <message>
        <source>Restarting the agent…</source>
        <translation>正在重启代理…</translation>
    </message>
    <message>
        <source>Asking the node to reboot…</source>
        <translation>正在请求节点重启…</translation>
    </message>
    <message>
        <source>The agent runs version %1 now.</source>
        <translation>代理现在运行版本 %1。</translation>
    </message>
    <message>
        <source>The agent restarted and is back.</source>
        <translation>代理已重启并重新连接。</translation>
    </message>
    <message>
        <source>The node is rebooting.</source>
        <translation>节点正在重启。</translation>
    </message>
    <message>
        <source>The new agent did not reach the server and the old one was put back.</source>
        <translation>新版代理无法连接服务器，已恢复为旧版本。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow it (see its capabilities).</source>
        <translation>此节点的代理不允许此操作（请查看其功能）。</translation>
    </message>
    <message>
        <source>It did not work: %1</source>
        <translation>操作未成功：%1</translation>
    </message>
    <message>
        <source>The agent on this node reports version %1.</source>
        <translation>此节点的代理报告版本 %1。</translation>
    </message>
    <message>
        <source>The node&apos;s agent.</source>
        <translation>节点的代理。</translation>
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
        <translation>升级代理(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Restart agent</source>
        <translation>重启代理(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;boot node</source>
        <translation>重启节点(&amp;B)</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeColumnMenu</name>
    <message>
        <source>The name is always shown: it says which node a row is.</source>
        <translation>名称始终显示：它表明每一行是哪个节点。</translation>
    </message>
    <message>
        <source>Hidden to fit the window; choose it to show it anyway.</source>
        <translation>因窗口宽度不足而隐藏；选中即可照常显示。</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>重置列</translation>
    </message>
    <message>
        <source>Show the columns the window has room for, as at first.</source>
        <translation>恢复默认：显示窗口容纳得下的列。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeComposePane</name>
    <message>
        <source>The compose projects could not be read: %1</source>
        <translation>无法读取 Compose 项目：%1</translation>
    </message>
    <message>
        <source>Compose running...</source>
        <translation>Compose 运行中…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Partly running</source>
        <translation>部分运行中</translation>
    </message>
    <message>
        <source>Not up</source>
        <translation>未启动</translation>
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
        <translation>关闭 Compose 项目</translation>
    </message>
    <message>
        <source>Bring &quot;%1&quot; down on %2? Compose stops and removes its containers and networks; its volumes and the project&apos;s files are kept.</source>
        <translation>要在 %2 上关闭“%1”吗？Compose 会停止并移除其容器和网络；其卷和项目文件会保留。</translation>
    </message>
    <message>
        <source>Bringing &quot;%1&quot; up...</source>
        <translation>正在启动“%1”…</translation>
    </message>
    <message>
        <source>Bringing &quot;%1&quot; down...</source>
        <translation>正在关闭“%1”…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is up.</source>
        <translation>“%1”已启动。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is down.</source>
        <translation>“%1”已关闭。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not brought up: %2</source>
        <translation>“%1”未能启动：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not brought down: %2</source>
        <translation>“%1”未能关闭：%2</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>compose up -d in the project&apos;s directory</source>
        <translation>在项目目录中执行 compose up -d</translation>
    </message>
    <message>
        <source>Down...</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>compose down: stops and removes the project&apos;s containers</source>
        <translation>compose down：停止并移除项目的容器</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>The compose projects in the agent&apos;s compose roots and those its containers belong to.</source>
        <translation>代理 Compose 根目录中的项目，以及其容器所属的 Compose 项目。</translation>
    </message>
    <message>
        <source>The compose projects in the agent&apos;s compose roots and those its containers belong to. No compose tool (docker-compose or podman-compose) is installed on this node, so projects cannot be brought up or down from here.</source>
        <translation>代理 Compose 根目录中的项目，以及其容器所属的 Compose 项目。此节点未安装 Compose 工具（docker-compose 或 podman-compose），因此无法在此启动或关闭项目。</translation>
    </message>
    <message>
        <source>Bring down</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeContainerModel</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>删除中</translation>
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
        <translation>%1，健康检查启动中</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态说明</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Compose project</source>
        <translation>Compose 项目</translation>
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
        <translation>从未</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>OS / arch:</source>
        <translation>操作系统 / 架构：</translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation>处理器：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>Disk:</source>
        <translation>磁盘：</translation>
    </message>
    <message>
        <source>Agent version:</source>
        <translation>代理版本：</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>功能：</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>密钥指纹：</translation>
    </message>
    <message>
        <source>Last seen:</source>
        <translation>最后在线：</translation>
    </message>
    <message>
        <source>Enrolled:</source>
        <translation>注册时间：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Select a node to see its details.</source>
        <translation>选择节点以查看其详细信息。</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未上报</translation>
    </message>
    <message>
        <source>This node waits for its agent to enrol with the secret shown when it was created.</source>
        <translation>此节点正在等待其代理使用创建时显示的密钥注册。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n 核</numerusform>
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
        <translation>注册后可知</translation>
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
        <translation>此节点尚未运行。</translation>
    </message>
    <message>
        <source>No inputs.</source>
        <translation>没有输入。</translation>
    </message>
    <message>
        <source>No outputs.</source>
        <translation>没有输出。</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Skipped: a node it depends on failed.</source>
        <translation>已跳过：它所依赖的节点失败。</translation>
    </message>
    <message>
        <source>Skipped (%1).</source>
        <translation>已跳过（%1）。</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>没有错误。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Error ●</source>
        <translation>错误 ●</translation>
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
        <translation>日志（%1）</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>The node&apos;s details could not be read: %1</source>
        <translation>无法读取节点的详细信息：%1</translation>
    </message>
    <message>
        <source>Its outputs were reused from the execution this one re-runs.</source>
        <translation>其输出沿用自本次所重新运行的那次执行。</translation>
    </message>
    <message>
        <source>Values of sensitive fields are masked by the server.</source>
        <translation>敏感字段的值已由服务器屏蔽。</translation>
    </message>
    <message>
        <source>Select a node in the graph or the timeline to see its inputs, outputs, error, attempts and logs.</source>
        <translation>在流程图或时间轴中选择节点，即可查看其输入、输出、错误、尝试和日志。</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Targets: %1</source>
        <translation>目标节点：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeDockerView</name>
    <message>
        <source>Log of %1 (the last %2 lines, then what follows)</source>
        <translation>%1 的日志（最后 %2 行，之后持续更新）</translation>
    </message>
    <message>
        <source>Select a container to see its log.</source>
        <translation>选择容器以查看其日志。</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>Starting &quot;%1&quot;...</source>
        <translation>正在启动“%1”…</translation>
    </message>
    <message>
        <source>Stopping &quot;%1&quot;...</source>
        <translation>正在停止“%1”…</translation>
    </message>
    <message>
        <source>Restarting &quot;%1&quot;...</source>
        <translation>正在重启“%1”…</translation>
    </message>
    <message>
        <source>Started &quot;%1&quot;.</source>
        <translation>已启动“%1”。</translation>
    </message>
    <message>
        <source>Stopped &quot;%1&quot;.</source>
        <translation>已停止“%1”。</translation>
    </message>
    <message>
        <source>Restarted &quot;%1&quot;.</source>
        <translation>已重启“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not changed: %2</source>
        <translation>“%1”未更改：%2</translation>
    </message>
    <message>
        <source>Remove the container &quot;%1&quot; on %2? It is running: it will be stopped first. Its volumes are kept.</source>
        <translation>要删除 %2 上的容器“%1”吗？它正在运行，将先停止。其数据卷会保留。</translation>
    </message>
    <message>
        <source>Remove the container &quot;%1&quot; on %2? Its volumes are kept.</source>
        <translation>要删除 %2 上的容器“%1”吗？其数据卷会保留。</translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation>删除容器</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not removed: %2</source>
        <translation>“%1”未删除：%2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Compose projects</source>
        <translation>Compose 项目</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Image id</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <source>Select a node to see its containers.</source>
        <translation>选择节点以查看其容器。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>节点离线</translation>
    </message>
    <message>
        <source>Its containers are read from its agent: they show here when the agent connects again.</source>
        <translation>容器信息由其代理读取：代理重新连接后会显示在此。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow Docker</source>
        <translation>此节点的代理未允许 Docker</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;docker&quot;. Add it to the agent&apos;s capabilities on the machine (--allow docker) to manage its containers here.</source>
        <translation>其配置未授权“docker”。请在该机器上将其加入代理的功能（--allow docker），即可在此管理其容器。</translation>
    </message>
    <message>
        <source>You may not manage this node&apos;s containers</source>
        <translation>您无权管理此节点的容器</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;docker&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>管理员可在“用户 → 节点授权”中，为此节点或其标签授予您“docker”。</translation>
    </message>
    <message>
        <source>Docker is not running on this node</source>
        <translation>此节点上的 Docker 未运行</translation>
    </message>
    <message>
        <source>The agent cannot reach the Docker daemon&apos;s socket. Start Docker on the machine, or point the agent at its socket (--docker-socket).</source>
        <translation>代理无法连接到 Docker 守护进程的 socket。请在该机器上启动 Docker，或将代理指向其 socket（--docker-socket）。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>The containers could not be read</source>
        <translation>无法读取容器</translation>
    </message>
    <message>
        <source>Reading the containers...</source>
        <translation>正在读取容器…</translation>
    </message>
    <message>
        <source>No containers</source>
        <translation>没有容器</translation>
    </message>
    <message>
        <source>Docker on this node has no containers, running or stopped.</source>
        <translation>此节点的 Docker 没有任何容器（无论运行中或已停止）。</translation>
    </message>
    <message>
        <source>The list could not be refreshed: %1</source>
        <translation>无法刷新列表：%1</translation>
    </message>
    <message>
        <source>Log of %1 (the last %2 lines, then live)</source>
        <translation>%1 的日志（最后 %2 行，之后实时显示）</translation>
    </message>
    <message>
        <source>The live log ended (the container stopped); showing new lines every few seconds.</source>
        <translation>实时日志已结束（容器已停止）；改为每隔几秒显示新行。</translation>
    </message>
    <message>
        <source>The log could not be followed: %1</source>
        <translation>无法实时跟踪日志：%1</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>实时跟踪</translation>
    </message>
    <message>
        <source>Show new lines live as the container writes them</source>
        <translation>容器写入新行时实时显示</translation>
    </message>
    <message>
        <source>Nothing logged yet. New lines appear here as the container writes them.</source>
        <translation>暂无日志。容器写入新行时会显示在此处。</translation>
    </message>
    <message>
        <source>The container has not logged anything yet.</source>
        <translation>该容器尚未输出任何日志。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being started, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>“%1”仍在启动中，或结果尚不明确（%2）。下方会重新读取其状态。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being stopped, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>“%1”仍在停止中，或结果尚不明确（%2）。下方会重新读取其状态。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being restarted, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>“%1”仍在重新启动中，或结果尚不明确（%2）。下方会重新读取其状态。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being removed, or its outcome is unknown (%2). The list is read again.</source>
        <translation>“%1”仍在删除中，或结果尚不明确（%2）。列表会重新读取。</translation>
    </message>
    <message>
        <source>Stop container</source>
        <translation>停止容器</translation>
    </message>
    <message>
        <source>Stop the container &quot;%1&quot; on %2? Whatever it serves is down until it is started again.</source>
        <translation>要停止 %2 上的容器“%1”吗？在重新启动之前，它提供的所有服务都会中断。</translation>
    </message>
    <message>
        <source>Whether &quot;%1&quot; changed is unknown (%2), and the list could not be read again: %3</source>
        <translation>“%1”是否已更改尚不明确（%2），且无法重新读取列表：%3</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeEditDialog</name>
    <message>
        <source>Edit node</source>
        <translation>编辑节点</translation>
    </message>
    <message>
        <source>Rename &quot;%1&quot; or change its labels and description. Its agent, key and history stay as they are.</source>
        <translation>重命名“%1”或更改其标签与说明。其代理、密钥与历史数据保持不变。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>以逗号分隔；最多 %1 个标签，每个由 1 到 %2 个 a-z、A-Z、0-9、“_”、“.”、“:”或“-”组成。</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A node needs a name.</source>
        <translation>节点需要名称。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileEditorDialog</name>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Close without saving your changes to &quot;%1&quot;?</source>
        <translation>要关闭而不保存您对“%1”的更改吗？</translation>
    </message>
    <message>
        <source>View file</source>
        <translation>查看文件</translation>
    </message>
    <message>
        <source>Edit file</source>
        <translation>编辑文件</translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>This file changed on the node since you opened it. Reload its current text (your changes are lost) or overwrite it with yours?</source>
        <translation>自您打开后，此文件已在节点上更改。要重新加载当前内容（您的更改将丢失），还是用您的版本覆盖？</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存...</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>正在读取文件...</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>The file could not be opened: it is larger than %1, the most the editor opens. Download it instead.</source>
        <translation>无法打开文件：文件大于 %1，超出编辑器可打开的上限。请改为下载。</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>未保存。%1</translation>
    </message>
    <message>
        <source>The file could not be opened. %1</source>
        <translation>无法打开文件。%1</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>权限</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileNameDialog</name>
    <message>
        <source>Type a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>&quot;.&quot; and &quot;..&quot; are not names.</source>
        <translation>“.”和“..”不能作为名称。</translation>
    </message>
    <message>
        <source>A name cannot contain &quot;/&quot;.</source>
        <translation>名称不能包含“/”。</translation>
    </message>
    <message>
        <source>A name cannot contain control characters.</source>
        <translation>名称不能包含控制字符。</translation>
    </message>
    <message>
        <source>Type another name.</source>
        <translation>请输入不同的名称。</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>Name of the new folder in %1:</source>
        <translation>%1 中新文件夹的名称：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>New name for &quot;%1&quot; in %2:</source>
        <translation>%2 中“%1”的新名称：</translation>
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
        <translation>继续</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Preparing &quot;%1&quot; (checksum)...</source>
        <translation>正在准备“%1”（计算校验和）...</translation>
    </message>
    <message>
        <source>Uploading &quot;%1&quot;: %2</source>
        <translation>正在上传“%1”：%2</translation>
    </message>
    <message>
        <source>Downloading &quot;%1&quot;: %2</source>
        <translation>正在下载“%1”：%2</translation>
    </message>
    <message>
        <source>Checking &quot;%1&quot; on the node...</source>
        <translation>正在节点上检查“%1”...</translation>
    </message>
    <message>
        <source>Uploaded &quot;%1&quot; (%2).</source>
        <translation>已上传“%1”（%2）。</translation>
    </message>
    <message>
        <source>Downloaded &quot;%1&quot; to %2.</source>
        <translation>已将“%1”下载到 %2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was interrupted at %2: %3</source>
        <translation>“%1”在 %2 时中断：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed: %2</source>
        <translation>“%1”失败：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was cancelled.</source>
        <translation>已取消“%1”。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileTransferTask</name>
    <message>
        <source>Upload of &quot;%1&quot; to %2</source>
        <translation>上传“%1”到 %2</translation>
    </message>
    <message>
        <source>Download of &quot;%1&quot; from %2</source>
        <translation>从 %2 下载“%1”</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1／共 %2</translation>
    </message>
    <message>
        <source>Preparing (checksum)…</source>
        <translation>准备中（计算校验和）…</translation>
    </message>
    <message>
        <source>Checking the file on the node…</source>
        <translation>正在节点上检查文件…</translation>
    </message>
    <message>
        <source>Uploaded (%1).</source>
        <translation>已上传（%1）。</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Interrupted at %1: %2 (Resume in the node&apos;s Files tab.)</source>
        <translation>在 %1 中断：%2（可在节点的“文件”标签页继续。）</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept.</source>
        <translation>已取消：未保留任何内容。</translation>
    </message>
    <message>
        <source>Stopped: its Files tab closed.</source>
        <translation>已停止：其“文件”标签页已关闭。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFilesView</name>
    <message>
        <source>Created the folder &quot;%1&quot;.</source>
        <translation>已创建文件夹“%1”。</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; was not created: %2</source>
        <translation>未能创建文件夹“%1”：%2</translation>
    </message>
    <message>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>已将“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not renamed: %2</source>
        <translation>未能重命名“%1”：%2</translation>
    </message>
    <message>
        <source>Delete the folder &quot;%1&quot; and everything in it from %2? This cannot be undone.</source>
        <translation>要从 %2 删除文件夹“%1”及其中所有内容吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from %2? This cannot be undone.</source>
        <translation>要从 %2 删除“%1”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not deleted: %2</source>
        <translation>未能删除“%1”：%2</translation>
    </message>
    <message>
        <source>Download &quot;%1&quot;</source>
        <translation>下载“%1”</translation>
    </message>
    <message>
        <source>Upload a file to %1</source>
        <translation>上传文件到 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder here: rename or delete it first.</source>
        <translation>此处的“%1”是文件夹：请先重命名或删除它。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already exists here. Replace it?</source>
        <translation>此处已存在“%1”。要替换它吗？</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>&amp;Root:</source>
        <translation>根目录(&amp;R)：</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上一级</translation>
    </message>
    <message>
        <source>The folder that holds this one</source>
        <translation>包含此文件夹的上级文件夹</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New folder...</source>
        <translation>新建文件夹...</translation>
    </message>
    <message>
        <source>Upload...</source>
        <translation>上传...</translation>
    </message>
    <message>
        <source>Download...</source>
        <translation>下载...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>重命名...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除...</translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1（只读）</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑...</translation>
    </message>
    <message>
        <source>View...</source>
        <translation>查看...</translation>
    </message>
    <message>
        <source>This root is read only on the node.</source>
        <translation>此根目录在节点上为只读。</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <source>Select a node to see its files.</source>
        <translation>选择节点以查看其文件。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>节点已离线</translation>
    </message>
    <message>
        <source>Its files are read through its agent: they show here when the agent connects again.</source>
        <translation>其文件通过代理读取：代理重新连接后会显示在这里。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow files</source>
        <translation>此节点的代理不允许文件操作</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;files&quot;. Add it to the agent&apos;s capabilities on the machine (--allow files --files-root DIR) to browse its files here.</source>
        <translation>其配置未授予“files”。请在该机器上将其加入代理的功能（--allow files --files-root DIR），即可在此浏览其文件。</translation>
    </message>
    <message>
        <source>This node&apos;s agent shares no folders</source>
        <translation>此节点的代理未共享任何文件夹</translation>
    </message>
    <message>
        <source>Name the folders it may reach with --files-root DIR (add :ro for read only) in the agent&apos;s configuration.</source>
        <translation>请在代理的配置中用 --files-root DIR 指定它可访问的文件夹（加上 :ro 表示只读）。</translation>
    </message>
    <message>
        <source>You may not see this node&apos;s files</source>
        <translation>您无权查看此节点的文件</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;files&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>管理员可在“用户 → 节点授权”中，为您授予此节点或其标签的“files”权限。</translation>
    </message>
    <message>
        <source>This folder could not be read</source>
        <translation>无法读取此文件夹</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Reading the folder...</source>
        <translation>正在读取文件夹...</translation>
    </message>
    <message>
        <source>This folder is empty</source>
        <translation>此文件夹为空</translation>
    </message>
    <message>
        <source>It is read only: nothing can be added here.</source>
        <translation>此处为只读：无法添加任何内容。</translation>
    </message>
    <message>
        <source>Upload a file or create a folder to fill it.</source>
        <translation>上传文件或新建文件夹来添加内容。</translation>
    </message>
    <message>
        <source>%1 items (the agent lists at most 10,000)</source>
        <translation>%1 个项目（代理最多列出 10,000 个）</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 个项目</translation>
    </message>
    <message>
        <source>%1 · read only</source>
        <translation>%1 · 只读</translation>
    </message>
    <message>
        <source>This file is larger than %1, the most the editor opens. Download it instead.</source>
        <translation>此文件大于 %1，超出编辑器可打开的上限。请改为下载。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantDialog</name>
    <message>
        <source>Add node grant</source>
        <translation>添加节点授权</translation>
    </message>
    <message>
        <source>Let a user act on the nodes with a label through their agents. Administrators may do everything already; viewers never act. The node&apos;s agent must allow the capability too.</source>
        <translation>让用户通过代理在带有某标签的节点上操作。管理员本来就能做所有事；查看者永远不能操作。节点的代理也必须允许此功能。</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>对象(&amp;W)：</translation>
    </message>
    <message>
        <source>Every user with the USER role</source>
        <translation>所有具有 USER 角色的用户</translation>
    </message>
    <message>
        <source>&amp;Nodes:</source>
        <translation>节点(&amp;N)：</translation>
    </message>
    <message>
        <source>A node label, or * for every node.</source>
        <translation>节点标签，或用 * 表示所有节点。</translation>
    </message>
    <message>
        <source>&amp;May use:</source>
        <translation>可使用(&amp;M)：</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>A label has no spaces.</source>
        <translation>标签不能包含空格。</translation>
    </message>
    <message>
        <source>This grant exists already.</source>
        <translation>此授权已存在。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantModel</name>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
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
        <translation>任务</translation>
    </message>
    <message>
        <source>Agent upgrade</source>
        <translation>代理升级</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Every user with the USER role</source>
        <translation>所有具有 USER 角色的用户</translation>
    </message>
    <message>
        <source>Every node</source>
        <translation>所有节点</translation>
    </message>
    <message>
        <source>Nodes labelled &quot;%1&quot;</source>
        <translation>标签为“%1”的节点</translation>
    </message>
    <message>
        <source>User id %1</source>
        <translation>用户 ID %1</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>May use</source>
        <translation>可使用</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>授权时间</translation>
    </message>
    <message>
        <source>Granting Nginx is granting root on those nodes: whoever may edit nginx&apos;s configuration can make nginx, which runs as root, read or write any file.</source>
        <translation>授予 Nginx 等同于授予这些节点的系统最高权限：能编辑 nginx 配置的人，可让以最高权限运行的 nginx 读取或写入任何文件。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantsPanel</name>
    <message>
        <source>%1 may now use %2 on %3.</source>
        <translation>%1 现在可以在%3上使用%2。</translation>
    </message>
    <message>
        <source>Remove node grant</source>
        <translation>移除节点授权</translation>
    </message>
    <message>
        <source>Remove the grant of %1 on %2 for %3? They can no longer use it from now on.</source>
        <translation>要移除 %1 在%2上的%3授权吗？从现在起将无法再使用。</translation>
    </message>
    <message>
        <source>The grant was not removed: %1</source>
        <translation>授权未移除：%1</translation>
    </message>
    <message>
        <source>Administrators may use every tool on every node; users only what they are granted here, and only what the node&apos;s agent allows. Viewers never act on nodes.</source>
        <translation>管理员可在所有节点上使用所有工具；用户只能使用此处授予的工具，且仅限节点代理允许的部分。查看者永远不能操作节点。</translation>
    </message>
    <message>
        <source>Add grant...</source>
        <translation>添加授权...</translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation>移除...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Let a user use a tool on nodes with a label.</source>
        <translation>让用户在带有某标签的节点上使用工具。</translation>
    </message>
    <message>
        <source>Remove the selected grant.</source>
        <translation>移除选中的授权。</translation>
    </message>
    <message>
        <source>Select a grant first.</source>
        <translation>请先选择授权。</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>当前没有人登录。</translation>
    </message>
    <message>
        <source>The grants could not be read: %1</source>
        <translation>无法读取授权：%1</translation>
    </message>
    <message>
        <source>Loading node grants...</source>
        <translation>正在加载节点授权...</translation>
    </message>
    <message>
        <source>No grants yet: users cannot act on any node. Add one to let a user, or every USER, use a tool on the nodes with a label.</source>
        <translation>尚无授权：用户无法操作任何节点。添加一项授权，让某个用户或所有 USER 在带有某标签的节点上使用工具。</translation>
    </message>
    <message>
        <source>Grants: %1</source>
        <translation>授权：%1</translation>
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
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>代理版本</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>CPU use, the last 15 minutes</source>
        <translation>处理器使用率，最近 15 分钟</translation>
    </message>
    <message numerus="yes">
        <source>CPU use, the last 15 minutes: %n core(s)</source>
        <translation>
            <numerusform>处理器使用率，最近 15 分钟：%n 个核心</numerusform>
        </translation>
    </message>
    <message>
        <source>Memory use, the last 15 minutes: of %1</source>
        <translation>内存使用率，最近 15 分钟：共 %1</translation>
    </message>
    <message>
        <source>Memory use, the last 15 minutes</source>
        <translation>内存使用率，最近 15 分钟</translation>
    </message>
    <message>
        <source>Root file system use, the last 15 minutes: of %1</source>
        <translation>根文件系统使用率，最近 15 分钟：共 %1</translation>
    </message>
    <message>
        <source>Root file system use, the last 15 minutes</source>
        <translation>根文件系统使用率，最近 15 分钟</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>处理器</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
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
        <translation>范围(&amp;R)：</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
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
        <translation>处理器</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换空间</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>处理器 (%)</translation>
    </message>
    <message>
        <source>Memory and swap used (%)</source>
        <translation>内存与交换空间使用率 (%)</translation>
    </message>
    <message>
        <source>Disk used (%)</source>
        <translation>磁盘使用率 (%)</translation>
    </message>
    <message>
        <source>Load average</source>
        <translation>平均负载</translation>
    </message>
    <message>
        <source>Network (%1)</source>
        <translation>网络 (%1)</translation>
    </message>
    <message>
        <source>Disk reads and writes (%1)</source>
        <translation>磁盘读写 (%1)</translation>
    </message>
    <message>
        <source>Select a node to see its history.</source>
        <translation>选择节点以查看其历史数据。</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史数据：%1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>正在读取历史数据…</translation>
    </message>
    <message>
        <source>No reports in this range yet.</source>
        <translation>此范围内尚无上报。</translation>
    </message>
    <message>
        <source>1-minute averages, shaded from lowest to highest · updated %1</source>
        <translation>1 分钟平均值，阴影为最低至最高值 · 更新于 %1</translation>
    </message>
    <message>
        <source>15-minute averages, shaded from lowest to highest · updated %1</source>
        <translation>15 分钟平均值，阴影为最低至最高值 · 更新于 %1</translation>
    </message>
    <message>
        <source>Hourly averages, shaded from lowest to highest · updated %1</source>
        <translation>每小时平均值，阴影为最低至最高值 · 更新于 %1</translation>
    </message>
    <message>
        <source>Every report as the agent sent it · updated %1</source>
        <translation>代理发送的每条上报 · 更新于 %1</translation>
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
        <translation>nginx 已启动。</translation>
    </message>
    <message>
        <source>nginx stopped.</source>
        <translation>nginx 已停止。</translation>
    </message>
    <message>
        <source>nginx restarted.</source>
        <translation>nginx 已重启。</translation>
    </message>
    <message>
        <source>nginx reloaded its configuration.</source>
        <translation>nginx 已重新加载配置。</translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation>删除站点</translation>
    </message>
    <message>
        <source>Delete the site &quot;%1&quot; from %2? Its file in sites-available and its link in sites-enabled are removed and nginx reloads.</source>
        <translation>要从 %2 删除站点“%1”吗？sites-available 中的文件和 sites-enabled 中的链接都会被移除，nginx 会重新加载。</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; deleted.</source>
        <translation>站点“%1”已删除。</translation>
    </message>
    <message>
        <source>nginx refused this configuration; nothing was changed on the node.</source>
        <translation>nginx 拒绝了此配置；节点上没有任何更改。</translation>
    </message>
    <message>
        <source>The main configuration</source>
        <translation>主配置文件</translation>
    </message>
    <message>
        <source>%1 saved; nginx -t accepted it.</source>
        <translation>%1 已保存；nginx -t 检查通过。</translation>
    </message>
    <message>
        <source>A self-signed certificate for %1 was created: %2</source>
        <translation>已为 %1 创建自签名证书：%2</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; enabled; nginx reloaded.</source>
        <translation>站点“%1”已启用；nginx 已重新加载。</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; disabled; nginx reloaded.</source>
        <translation>站点“%1”已禁用；nginx 已重新加载。</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <source>Reading nginx&apos;s state…</source>
        <translation>正在读取 nginx 状态…</translation>
    </message>
    <message>
        <source>Running (pid %1)</source>
        <translation>运行中（进程 %1）</translation>
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
        <translation>配置检查通过</translation>
    </message>
    <message>
        <source>configuration test fails</source>
        <translation>配置检查失败</translation>
    </message>
    <message>
        <source>Select a site with a server name to see its certificate.</source>
        <translation>选择带有服务器名称的站点以查看其证书。</translation>
    </message>
    <message>
        <source>No site names a certificate for %1.</source>
        <translation>没有站点为 %1 指定证书。</translation>
    </message>
    <message>
        <source>Reading the certificate for %1…</source>
        <translation>正在读取 %1 的证书…</translation>
    </message>
    <message>
        <source>%1: issued to %2 by %3</source>
        <translation>%1：由 %3 签发给 %2</translation>
    </message>
    <message>
        <source>Valid %1 to %2</source>
        <translation>有效期 %1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n day(s) ago</source>
        <translation>
            <numerusform>已过期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>名称：%1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Server names</source>
        <translation>服务器名称</translation>
    </message>
    <message>
        <source>Listens on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>新建站点</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Main configuration</source>
        <translation>主配置文件</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>Generate self-signed</source>
        <translation>生成自签名证书</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>站点名称：</translation>
    </message>
    <message>
        <source>Save and test</source>
        <translation>保存并检查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a site to edit, or New site</source>
        <translation>选择要编辑的站点，或新建站点</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot;</source>
        <translation>站点“%1”</translation>
    </message>
    <message>
        <source>Stop nginx</source>
        <translation>停止 nginx</translation>
    </message>
    <message>
        <source>Stop nginx on %1? Every site it serves goes down until nginx is started again.</source>
        <translation>要停止 %1 上的 nginx 吗？在 nginx 重新启动之前，它提供的每个网站都会中断。</translation>
    </message>
    <message>
        <source>Select a node to see its nginx.</source>
        <translation>选择节点以查看其 nginx。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>节点离线</translation>
    </message>
    <message>
        <source>Its nginx is read from its agent: it shows here when the agent connects again.</source>
        <translation>nginx 信息由其代理读取：代理重新连接后会显示在此。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select a site with a server name to make a certificate for it.</source>
        <translation>选择带有服务器名称的站点，才能为其生成证书。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProbeModel</name>
    <message>
        <source>This host refuses unprivileged ICMP echo, so the agent checked a TCP connection instead.</source>
        <translation>此主机不允许非特权的 ICMP 回显请求，因此代理改用 TCP 连接检查。</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>尚无结果</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1（HTTP 状态码 %2）</translation>
    </message>
    <message>
        <source>%1, via TCP</source>
        <translation>%1，通过 TCP</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>最近结果</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>检查时间</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProbesView</name>
    <message>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <source>Select a node to see the probes it runs.</source>
        <translation>选择一个节点，即可查看它运行的探测。</translation>
    </message>
    <message>
        <source>The probes could not be read</source>
        <translation>无法读取探测</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Reading the probes…</source>
        <translation>正在读取探测…</translation>
    </message>
    <message>
        <source>No probe runs on this node</source>
        <translation>此节点没有运行任何探测</translation>
    </message>
    <message>
        <source>Probes for all nodes, for this node or for one of its labels run here. Define them under Alerts → Probes.</source>
        <translation>适用于所有节点、此节点或其任一标签的探测会在这里运行。请在“告警 → 探测”中定义。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not run probes</source>
        <translation>此节点的代理不运行探测</translation>
    </message>
    <message numerus="yes">
        <source>Its configuration does not grant &quot;probes&quot;, so the %n probe(s) defined for it do not run. Add probes to the agent&apos;s capabilities on the machine to run them.</source>
        <translation>
            <numerusform>其配置未授予 &quot;probes&quot; 功能，因此为它定义的 %n 个探测不会运行。请在该机器上将 &quot;probes&quot; 加入代理的功能，即可运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Probes for all nodes, for this node or for one of its labels run here and check that a web page, a port or a host answers.</source>
        <translation>适用于所有节点、此节点或其某个标签的探测会在这里运行，检查网页、端口或主机是否响应。</translation>
    </message>
    <message>
        <source>New probe...</source>
        <translation>新建探测…</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProcessModel</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
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
        <translation>僵尸</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Traced</source>
        <translation>跟踪中</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Resident %1, virtual %2</source>
        <translation>常驻 %1，虚拟 %2</translation>
    </message>
    <message>
        <source>%1 (%2), threads: %3</source>
        <translation>%1（%2），线程：%3</translation>
    </message>
    <message>
        <source>Process %1, parent %2</source>
        <translation>进程 %1，父进程 %2</translation>
    </message>
    <message>
        <source>The list cannot be sorted by this column.</source>
        <translation>列表无法按此列排序。</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProcessesView</name>
    <message>
        <source>Kill...</source>
        <translation>终止...</translation>
    </message>
    <message>
        <source>Sent SIG%1 to &quot;%2&quot; (pid %3).</source>
        <translation>已向“%2”（pid %3）发送 SIG%1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (pid %2) was not signalled: %3</source>
        <translation>未能向“%1”（pid %2）发送信号：%3</translation>
    </message>
    <message>
        <source>Search pid, name, command line or user</source>
        <translation>搜索 pid、名称、命令行或用户</translation>
    </message>
    <message>
        <source>Send a signal to the selected process; you choose which and confirm.</source>
        <translation>向选中的进程发送信号；由您选择信号并确认。</translation>
    </message>
    <message>
        <source>Select a process first.</source>
        <translation>请先选择进程。</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <source>Select a node to see its processes.</source>
        <translation>选择节点以查看其进程。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>节点已离线</translation>
    </message>
    <message>
        <source>Its processes are read from its agent: they show here when the agent connects again.</source>
        <translation>进程信息来自其代理：代理重新连接后会显示在这里。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow processes</source>
        <translation>此节点的代理不允许进程管理</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;processes&quot;. Add it to the agent&apos;s capabilities on the machine (--allow processes) to see and signal its processes here.</source>
        <translation>其配置未授予“processes”。请在该机器上将其加入代理的功能（--allow processes），即可在此查看进程并发送信号。</translation>
    </message>
    <message>
        <source>You may not see this node&apos;s processes</source>
        <translation>您无权查看此节点的进程</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;processes&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>管理员可在“用户 → 节点授权”中，为您授予此节点或其某个标签的“processes”。</translation>
    </message>
    <message>
        <source>The processes could not be read</source>
        <translation>无法读取进程</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Reading the processes...</source>
        <translation>正在读取进程...</translation>
    </message>
    <message>
        <source>No process matches</source>
        <translation>没有匹配的进程</translation>
    </message>
    <message>
        <source>No process has &quot;%1&quot; in its pid, name, command line or user.</source>
        <translation>没有进程的 pid、名称、命令行或用户包含“%1”。</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>No processes</source>
        <translation>没有进程</translation>
    </message>
    <message>
        <source>The agent listed none.</source>
        <translation>代理未列出任何进程。</translation>
    </message>
    <message>
        <source>%1 of %2 processes (list cut by the agent: search to narrow it)</source>
        <translation>%2 个进程中的 %1 个（列表已被代理截断：请用搜索缩小范围）</translation>
    </message>
    <message>
        <source>%1 of %2 processes</source>
        <translation>%2 个进程中的 %1 个</translation>
    </message>
    <message>
        <source>The list could not be refreshed: %1</source>
        <translation>无法刷新列表：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeScopePicker</name>
    <message>
        <source>All nodes</source>
        <translation>所有节点</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>单个节点</translation>
    </message>
    <message>
        <source>Nodes with the label</source>
        <translation>带有此标签的节点</translation>
    </message>
    <message>
        <source>Label, e.g. production</source>
        <translation>标签，例如 &quot;production&quot;</translation>
    </message>
    <message>
        <source>No node enrolled yet</source>
        <translation>尚未注册任何节点</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeTerminalView</name>
    <message>
        <source>The node is offline: open a terminal when its agent connects again.</source>
        <translation>节点已离线：请在其代理重新连接后再打开终端。</translation>
    </message>
    <message>
        <source>[process killed by signal %1]</source>
        <translation>[进程被信号 %1 终止]</translation>
    </message>
    <message>
        <source>[process exited with code %1]</source>
        <translation>[进程已退出，退出码 %1]</translation>
    </message>
    <message>
        <source>[session closed: idle for too long]</source>
        <translation>[会话已关闭：空闲时间过长]</translation>
    </message>
    <message>
        <source>[session closed: the node&apos;s agent disconnected]</source>
        <translation>[会话已关闭：节点的代理已断开连接]</translation>
    </message>
    <message>
        <source>[session closed: the server is stopping]</source>
        <translation>[会话已关闭：服务器正在停止]</translation>
    </message>
    <message>
        <source>[session closed]</source>
        <translation>[会话已关闭]</translation>
    </message>
    <message>
        <source>[connection lost]</source>
        <translation>[连接中断]</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Too many terminals are open (at most 4 of yours, 8 on one node): close one first.</source>
        <translation>打开的终端过多（您最多 4 个，单个节点最多 8 个）：请先关闭一个。</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow terminals: start it with --allow terminal.</source>
        <translation>此节点的代理不允许终端：请使用 --allow terminal 启动它。</translation>
    </message>
    <message>
        <source>The terminal was not opened: %1</source>
        <translation>终端未打开：%1</translation>
    </message>
    <message>
        <source>The terminal could not be opened: %1</source>
        <translation>无法打开终端：%1</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <source>Select a node to open a terminal on it.</source>
        <translation>选择节点以在其上打开终端。</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>节点已离线</translation>
    </message>
    <message>
        <source>A terminal runs through the node&apos;s agent: open one when the agent connects again.</source>
        <translation>终端通过节点的代理运行：请在代理重新连接后再打开。</translation>
    </message>
    <message>
        <source>No terminal on this node</source>
        <translation>此节点无法使用终端</translation>
    </message>
    <message>
        <source>Its agent must allow terminals (--allow terminal) and you need the &quot;terminal&quot; grant on it; administrators have it.</source>
        <translation>其代理必须允许终端（--allow terminal），且您需要此节点的“terminal”授权；管理员已具备。</translation>
    </message>
    <message>
        <source>The terminal could not be reattached: %1</source>
        <translation>无法重新连接终端：%1</translation>
    </message>
    <message>
        <source>[session closed: your access to this node&apos;s terminal was revoked]</source>
        <translation>[会话已关闭：您对此节点终端的访问权限已被撤销]</translation>
    </message>
    <message>
        <source>The terminal&apos;s connection ended: %1. Its shell may still run on the node: reattach it from Sessions.</source>
        <translation>终端连接已结束：%1。其 shell 可能仍在节点上运行：请从“会话”重新连接。</translation>
    </message>
</context>
<context>
    <name>hm::app::NodesPage</name>
    <message>
        <source>No nodes yet</source>
        <translation>尚无节点</translation>
    </message>
    <message>
        <source>More nodes could not be read: %1</source>
        <translation>无法读取更多节点：%1</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Machines that run the HiveMind agent: their status, what they report and how to enrol more.</source>
        <translation>运行 HiveMind 代理的机器：其状态、上报的信息，以及如何注册更多机器。</translation>
    </message>
    <message>
        <source>Search name, description or address</source>
        <translation>搜索名称、描述或地址</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Only nodes with exactly this label.</source>
        <translation>只显示带有此标签的节点（完全匹配）。</translation>
    </message>
    <message>
        <source>Enrol node...</source>
        <translation>注册节点…</translation>
    </message>
    <message>
        <source>New enrolment secret...</source>
        <translation>新的注册密钥…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a node first.</source>
        <translation>请先选择节点。</translation>
    </message>
    <message>
        <source>Create a node and the command that enrols its agent.</source>
        <translation>创建节点及注册其代理的命令。</translation>
    </message>
    <message>
        <source>A new one-time secret; the node&apos;s current agent key is revoked.</source>
        <translation>创建新的一次性密钥；节点当前的代理密钥会被撤销。</translation>
    </message>
    <message>
        <source>Delete the node and its history; its agent is disconnected.</source>
        <translation>删除节点及其历史记录；其代理会被断开连接。</translation>
    </message>
    <message>
        <source>Sign in to see the nodes.</source>
        <translation>请登录以查看节点。</translation>
    </message>
    <message>
        <source>Loading nodes...</source>
        <translation>正在加载节点…</translation>
    </message>
    <message>
        <source>The nodes could not be read</source>
        <translation>无法读取节点</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No node matches</source>
        <translation>没有匹配的节点</translation>
    </message>
    <message>
        <source>No node has &quot;%1&quot; in its name, description or address.</source>
        <translation>没有名称、描述或地址包含“%1”的节点。</translation>
    </message>
    <message>
        <source>No node with the label &quot;%1&quot; matches.</source>
        <translation>没有带有标签“%1”的匹配节点。</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>A node is a machine that runs the HiveMind agent and reports its status and metrics here. Enrol one: the console shows a command to run on the machine.</source>
        <translation>节点是运行 HiveMind 代理的机器，会在此上报其状态和指标。注册一个节点：控制台会显示要在该机器上运行的命令。</translation>
    </message>
    <message>
        <source>Enrol a node</source>
        <translation>注册节点</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) shown</source>
        <translation>
            <numerusform>已显示 %1 个，共 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete node</source>
        <translation>删除节点</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its reported history goes with it and its agent is disconnected at once; the agent cannot sign in again. This cannot be undone.</source>
        <translation>要删除“%1”吗？其上报的历史记录会一并删除，代理会立即断开连接且无法再登录。此操作无法撤销。</translation>
    </message>
    <message>
        <source>The node was not deleted: %1</source>
        <translation>节点未删除：%1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Rename the node or change its labels and description.</source>
        <translation>重命名节点，或更改其标签与说明。</translation>
    </message>
    <message>
        <source>Public status...</source>
        <translation>公开状态…</translation>
    </message>
    <message>
        <source>Choose the nodes a public page shows to anyone who can reach the server, without signing in.</source>
        <translation>选择公开页面要显示的节点：任何能连接到服务器的人无需登录即可查看。</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
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
        <translation>代理</translation>
    </message>
    <message>
        <source>Agent releases...</source>
        <translation>代理版本…</translation>
    </message>
    <message>
        <source>The agent builds this server offers, and upgrades of many nodes&apos; agents in stages.</source>
        <translation>此服务器提供的代理构建，以及分阶段升级多个节点的代理。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
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
        <translation>整数。</translation>
    </message>
    <message>
        <source>A whole number. %1</source>
        <translation>整数。%1</translation>
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
        <translation>未解决的告警</translation>
    </message>
    <message>
        <source>Show all alerts</source>
        <translation>查看所有告警</translation>
    </message>
    <message>
        <source>Open the Alerts section: every alert, the rules and channels.</source>
        <translation>打开“告警”页：所有告警、规则和通知渠道。</translation>
    </message>
    <message>
        <source>Sign in to see what is firing.</source>
        <translation>登录后即可查看正在触发的告警。</translation>
    </message>
    <message>
        <source>The alerts could not be read: %1</source>
        <translation>无法读取告警：%1</translation>
    </message>
    <message>
        <source>Reading the alerts…</source>
        <translation>正在读取告警…</translation>
    </message>
    <message>
        <source>Nothing is firing. Good.</source>
        <translation>当前没有触发中的告警，一切正常。</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing. Click one to see it in the Alerts section.</source>
        <translation>
            <numerusform>%n 个告警触发中。点击其中一个即可在“告警”页查看。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::PasswordResetDialog</name>
    <message>
        <source>Enter the e-mail address of your account.</source>
        <translation>请输入您账号的电子邮件地址。</translation>
    </message>
    <message>
        <source>Enter the code from the e-mail.</source>
        <translation>请输入电子邮件中的代码。</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password twice.</source>
        <translation>两次输入的新密码不一致，请输入相同的密码两次。</translation>
    </message>
    <message>
        <source>The code is wrong or was used before. Each code works once; ask for a new e-mail if needed.</source>
        <translation>代码错误或已使用过。每个代码只能使用一次；如有需要，请重新请求发送电子邮件。</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new e-mail.</source>
        <translation>代码已过期，请重新请求发送电子邮件。</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the new password: %1</source>
        <translation>服务器的密码策略拒绝了新密码：%1</translation>
    </message>
    <message>
        <source>This server does not send e-mail. Ask an administrator to reset your password.</source>
        <translation>此服务器不发送电子邮件。请让管理员重置您的密码。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>尝试次数过多，请等待一分钟后再试。</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>请求失败：%1</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>电子邮件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Code from the e-mail:</source>
        <translation>电子邮件中的代码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>按服务器的密码策略检查</translation>
    </message>
    <message>
        <source>Enter the e-mail address of your account. If it belongs to an account, the server mails a code that sets a new password.</source>
        <translation>请输入您账号的电子邮件地址。若该地址属于某个账号，服务器会发送可设置新密码的代码。</translation>
    </message>
    <message>
        <source>If the address belongs to an account, an e-mail with a code is on its way. The code works once, for one hour.</source>
        <translation>若该地址属于某个账号，含代码的电子邮件正在发送中。此代码只能使用一次，一小时内有效。</translation>
    </message>
    <message>
        <source>Enter the code from the e-mail and choose a new password.</source>
        <translation>请输入电子邮件中的代码并选择新密码。</translation>
    </message>
    <message>
        <source>I &amp;Have a Code</source>
        <translation>我已有代码(&amp;H)</translation>
    </message>
    <message>
        <source>Set &amp;Password</source>
        <translation>设置密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Send E-mail</source>
        <translation>发送电子邮件(&amp;S)</translation>
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
        <translation>编辑探测</translation>
    </message>
    <message>
        <source>New probe</source>
        <translation>新建探测</translation>
    </message>
    <message>
        <source>The agents of the nodes a probe covers check the target every interval and report whether it answered, how fast and, for HTTPS, how long its certificate is valid.</source>
        <translation>探测覆盖的节点上的代理会在每个间隔检查目标，并上报目标是否响应、响应速度，以及 HTTPS 证书的剩余有效期。</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>e.g. website (a-z, 0-9, _ and -)</source>
        <translation>例如 &quot;website&quot;（a-z、0-9、_ 和 -）</translation>
    </message>
    <message>
        <source>The id names the probe&apos;s metrics and never changes.</source>
        <translation>标识用于命名探测的指标，且永不更改。</translation>
    </message>
    <message>
        <source>Names the probe&apos;s metrics (probe.&lt;id&gt;.up); it never changes.</source>
        <translation>用于命名探测的指标（probe.&lt;id&gt;.up），且永不更改。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Optional: text the answer must contain</source>
        <translation>可选：响应必须包含的文字</translation>
    </message>
    <message>
        <source>E&amp;xpected status:</source>
        <translation>预期状态码(&amp;X)：</translation>
    </message>
    <message>
        <source>Any 2xx or 3xx</source>
        <translation>任何 2xx 或 3xx</translation>
    </message>
    <message>
        <source>&amp;Verify the TLS certificate</source>
        <translation>验证 TLS 证书(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>间隔(&amp;E)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>At most 60 seconds, and shorter than the interval.</source>
        <translation>最多 60 秒，且须短于间隔。</translation>
    </message>
    <message>
        <source>&amp;Runs on:</source>
        <translation>运行于(&amp;R)：</translation>
    </message>
    <message>
        <source>A disabled probe is kept but not run.</source>
        <translation>停用的探测会保留，但不会运行。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A probe needs an id.</source>
        <translation>探测需要标识。</translation>
    </message>
    <message>
        <source>A probe needs a name.</source>
        <translation>探测需要名称。</translation>
    </message>
    <message>
        <source>A probe needs a target.</source>
        <translation>探测需要目标。</translation>
    </message>
    <message>
        <source>Pick the node the probe runs on.</source>
        <translation>请选择运行探测的节点。</translation>
    </message>
    <message>
        <source>Key&amp;word:</source>
        <translation>关键字(&amp;W)：</translation>
    </message>
    <message>
        <source>Ti&amp;meout:</source>
        <translation>超时(&amp;M)：</translation>
    </message>
    <message>
        <source>Ena&amp;bled</source>
        <translation>启用(&amp;B)</translation>
    </message>
</context>
<context>
    <name>hm::app::ProbeModel</name>
    <message>
        <source>Id: %1 (its metrics: probe.%1.*)</source>
        <translation>标识：%1（其指标：probe.%1.*）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>运行于</translation>
    </message>
</context>
<context>
    <name>hm::app::ProbesTab</name>
    <message>
        <source>Loading probes...</source>
        <translation>正在加载探测…</translation>
    </message>
    <message>
        <source>New probe...</source>
        <translation>新建探测…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a probe first.</source>
        <translation>请先选择探测。</translation>
    </message>
    <message>
        <source>An HTTP(S) URL, a TCP port or a host to ping that the agents check.</source>
        <translation>由代理检查的 HTTP(S) URL、TCP 端口或要 Ping 的主机。</translation>
    </message>
    <message>
        <source>Change what the probe checks, how often and where.</source>
        <translation>更改探测检查的目标、频率和运行位置。</translation>
    </message>
    <message>
        <source>Delete the probe; the agents stop running it.</source>
        <translation>删除探测；代理将停止运行。</translation>
    </message>
    <message>
        <source>The probes could not be read</source>
        <translation>无法读取探测</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No probes yet</source>
        <translation>尚无探测</translation>
    </message>
    <message>
        <source>A probe has the agents check a website, a TCP port or a host besides their own machine: whether it answers, how fast and how long its certificate is valid. Alert rules of the types Probe down and Certificate watch the results.</source>
        <translation>探测让代理在自身机器之外检查网站、TCP 端口或主机：是否响应、响应速度，以及证书还有多久有效。“探测失败”和“证书到期”类型的告警规则会监视这些结果。</translation>
    </message>
    <message>
        <source>New probe</source>
        <translation>新建探测</translation>
    </message>
    <message>
        <source>Delete probe</source>
        <translation>删除探测</translation>
    </message>
    <message>
        <source>Delete the probe &quot;%1&quot;? The agents stop running it; alert rules on it no longer fire.</source>
        <translation>要删除探测“%1”吗？代理将停止运行，针对它的告警规则也不再触发。</translation>
    </message>
    <message>
        <source>The probe was not deleted: %1</source>
        <translation>探测未删除：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s)</source>
        <translation>
            <numerusform>%n 个探测</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::ProblemText</name>
    <message>
        <source>The flow definition is malformed at %1.</source>
        <translation>流程定义在 %1 处格式错误。</translation>
    </message>
    <message>
        <source>The flow definition uses schema version %1, which this server cannot read.</source>
        <translation>流程定义使用模式版本 %1，此服务器无法读取。</translation>
    </message>
    <message>
        <source>The node id “%1” is used more than once.</source>
        <translation>节点 ID“%1”被重复使用。</translation>
    </message>
    <message>
        <source>The connection id “%1” is used more than once.</source>
        <translation>连接 ID“%1”被重复使用。</translation>
    </message>
    <message>
        <source>Connection “%1” leads to “%2”, which is not a node of this flow.</source>
        <translation>连接“%1”指向“%2”，但它不是此流程的节点。</translation>
    </message>
    <message>
        <source>Connection “%1” leaves node “%2” from “%3”, which its component does not have.</source>
        <translation>连接“%1”从节点“%2”的“%3”引出，但其组件没有此输出。</translation>
    </message>
    <message>
        <source>Connection “%1” enters node “%2” at “%3”, which is not one of its inputs.</source>
        <translation>连接“%1”接入节点“%2”的“%3”，但那不是它的输入。</translation>
    </message>
    <message>
        <source>The flow has a cycle: %1.</source>
        <translation>流程中存在循环：%1。</translation>
    </message>
    <message>
        <source>Node “%1” uses the component %2, which the server does not know.</source>
        <translation>节点“%1”使用组件 %2，但服务器不认识它。</translation>
    </message>
    <message>
        <source>Node “%1” uses version %3 of %2, which does not exist (known versions: %4).</source>
        <translation>节点“%1”使用 %2 的 %3 版本，但该版本不存在（已知版本：%4）。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” is required: map it to a value.</source>
        <translation>节点“%1”的输入“%2”为必填：请为它设置映射。</translation>
    </message>
    <message>
        <source>Node “%1” maps “%2”, which is not an input of its component.</source>
        <translation>节点“%1”映射了“%2”，但它不是其组件的输入。</translation>
    </message>
    <message>
        <source>The mapping of input “%2” of node “%1” cannot be read.</source>
        <translation>无法解析节点“%1”输入“%2”的映射。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads from “%3”, which is not a node of this flow.</source>
        <translation>节点“%1”的输入“%2”读取“%3”，但它不是此流程的节点。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads from node “%3”, which does not run before it: connect “%3” upstream of “%1”.</source>
        <translation>节点“%1”的输入“%2”读取节点“%3”，但“%3”不会在它之前执行：请将“%3”连接到“%1”的上游。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads output “%4” of node “%3”, which its component does not have.</source>
        <translation>节点“%1”的输入“%2”读取节点“%3”的输出“%4”，但其组件没有此输出。</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” takes %3, but its mapping gives %4.</source>
        <translation>节点“%1”的输入“%2”需要%3，但其映射提供的是%4。</translation>
    </message>
    <message>
        <source>The configuration of node “%1” needs a value for %2.</source>
        <translation>节点“%1”的配置需要 %2 的值。</translation>
    </message>
    <message>
        <source>The configuration of node “%1” is not valid at %2.</source>
        <translation>节点“%1”的配置在 %2 处无效。</translation>
    </message>
    <message>
        <source>The configuration of node “%1” is not valid at %2: %3</source>
        <translation>节点“%1”的配置在 %2 处无效：%3</translation>
    </message>
    <message>
        <source>The configuration schema of component %1 cannot be used.</source>
        <translation>无法使用组件 %1 的配置模式。</translation>
    </message>
    <message>
        <source>The flow setting %1 is not valid.</source>
        <translation>流程设置 %1 无效。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>The configuration of node “%1” cannot be used: %2</source>
        <translation>节点“%1”的配置无法使用：%2</translation>
    </message>
    <message>
        <source>The expression “%3” at %2 in the configuration of node “%1” cannot run: write a value, or read the node&apos;s inputs with “$.inputs…”.</source>
        <translation>节点“%1”配置中 %2 的表达式“%3”无法运行：请填写一个值，或用“$.inputs…”读取节点的输入。</translation>
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
        <translation>问题</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>hm::app::ProblemsPanel</name>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>No problems found. The editor checks the flow as you edit it.</source>
        <translation>未发现问题。编辑器会在您编辑时检查流程。</translation>
    </message>
</context>
<context>
    <name>hm::app::PublicStatusDialog</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A field the server refused and its rule: &quot;Title: at most 100 characters...&quot;</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Public status</source>
        <translation>公开状态</translation>
    </message>
    <message>
        <source>A read-only page of chosen nodes for people without an account: their status, usage and availability.</source>
        <translation>为没有账号的人提供的只读页面，显示所选节点的状态、使用率和可用性。</translation>
    </message>
    <message>
        <source>&amp;Public status page on</source>
        <translation>启用公开状态页(&amp;P)</translation>
    </message>
    <message>
        <source>When on, anyone who can reach this server can see the chosen nodes without signing in.</source>
        <translation>启用后，任何能连接到此服务器的人无需登录即可查看所选节点。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Shown at the top of the page</source>
        <translation>显示在页面顶部</translation>
    </message>
    <message>
        <source>Show IP &amp;addresses</source>
        <translation>显示 IP 地址(&amp;A)</translation>
    </message>
    <message>
        <source>Warning: the page then shows every chosen node&apos;s IP address to anyone who opens it.</source>
        <translation>警告：页面将向任何打开它的人显示每个所选节点的 IP 地址。</translation>
    </message>
    <message>
        <source>&amp;Nodes on the page (ticked), in this order; new ones go last:</source>
        <translation>页面上的节点(&amp;N)（已勾选），按此顺序；新勾选的排在最后：</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Shown instead of the node&apos;s name; empty: the node&apos;s name.</source>
        <translation>代替节点名称显示；留空则显示节点名称。</translation>
    </message>
    <message>
        <source>Page &amp;address:</source>
        <translation>页面地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The page is off: this address answers &quot;not found&quot; until it is turned on.</source>
        <translation>页面已停用：在启用之前，此地址会返回“未找到”。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Reading the settings and the fleet&apos;s nodes...</source>
        <translation>正在读取设置和机群节点…</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The page in the visitor&apos;s language, live; its data as JSON for a monitor is at /public/api/v1/status.</source>
        <translation>以访客的语言实时显示的页面；供监控使用的 JSON 数据位于 &quot;/public/api/v1/status&quot;。</translation>
    </message>
</context>
<context>
    <name>hm::app::QuickAddPopup</name>
    <message>
        <source>Add a component…</source>
        <translation>添加组件…</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>Calls %1 %2 of %3.</source>
        <translation>调用 %3 的 %1 %2。</translation>
    </message>
</context>
<context>
    <name>hm::app::RawJsonEditor</name>
    <message>
        <source>This is not valid JSON (line %1, column %2): %3</source>
        <translation>这不是有效的 JSON（第 %1 行，第 %2 列）：%3</translation>
    </message>
    <message>
        <source>Enter a JSON object: { … }.</source>
        <translation>请输入 JSON 对象：{ … }。</translation>
    </message>
    <message>
        <source>%1: not valid (%2)</source>
        <translation>%1：无效（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The flow&apos;s settings as JSON. Valid changes apply as you type.</source>
        <translation>以 JSON 呈现的流程设置。有效的更改会在输入时立即应用。</translation>
    </message>
    <message>
        <source>The configuration of node “%1” as JSON. Valid changes apply as you type.</source>
        <translation>以 JSON 呈现的节点“%1”配置。有效的更改会在输入时立即应用。</translation>
    </message>
</context>
<context>
    <name>hm::app::ReauthenticateDialog</name>
    <message>
        <source>Code:</source>
        <translation>验证码：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>验证器应用中的 6 位数字</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>确认您的身份</translation>
    </message>
    <message>
        <source>A terminal on &quot;%1&quot; runs commands on that machine. Confirm your password to open it; you are not asked again for 5 minutes.</source>
        <translation>“%1”上的终端会在该机器上运行命令。请确认密码以打开它；5 分钟内不会再次询问。</translation>
    </message>
    <message>
        <source>Use a code from my authenticator app instead</source>
        <translation>改用验证器应用中的验证码</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>This changes the agent running on &quot;%1&quot;. Confirm your password to go on; you are not asked again for 5 minutes.</source>
        <translation>这会更改“%1”上运行的代理。请确认密码以继续；5 分钟内不会再次询问。</translation>
    </message>
    <message>
        <source>This replaces the agent on every node you chose. Confirm your password to go on; you are not asked again for 5 minutes.</source>
        <translation>这会替换您所选每个节点上的代理。请确认密码以继续；5 分钟内不会再次询问。</translation>
    </message>
    <message>
        <source>The code was wrong. Type the current one from your authenticator app.</source>
        <translation>验证码错误。请输入身份验证器应用当前显示的验证码。</translation>
    </message>
    <message>
        <source>The password was wrong. Type it again.</source>
        <translation>密码错误，请重新输入。</translation>
    </message>
</context>
<context>
    <name>hm::app::RegisterDialog</name>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>请输入您的电子邮件地址。</translation>
    </message>
    <message>
        <source>Choose a password.</source>
        <translation>请选择密码。</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码两次。</translation>
    </message>
    <message>
        <source>An account with this e-mail address exists already.</source>
        <translation>已有账号使用此电子邮件地址。</translation>
    </message>
    <message>
        <source>This user name is taken. Choose another.</source>
        <translation>此用户名已被使用，请选择其他用户名。</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the password: %1</source>
        <translation>服务器的密码策略拒绝了此密码：%1</translation>
    </message>
    <message>
        <source>This server does not allow registration any more.</source>
        <translation>此服务器已不再开放注册。</translation>
    </message>
    <message>
        <source>Registration failed: %1</source>
        <translation>注册失败：%1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Create an account on this server. An administrator may change its role later.</source>
        <translation>在此服务器上创建账号。管理员之后可更改其角色。</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>电子邮件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>optional: the part of the address before @</source>
        <translation>选填：默认为地址中 @ 之前的部分</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>按服务器的密码策略检查</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>注册(&amp;R)</translation>
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
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password for %1 (their sessions end):</source>
        <translation>%1 的新密码（其会话将结束）：</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>按服务器的密码策略检查</translation>
    </message>
    <message>
        <source>Must choose a new password at the next sign-in</source>
        <translation>下次登录时必须设置新密码</translation>
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
        <translation>读取保留设置</translation>
    </message>
    <message>
        <source>read the store&apos;s size</source>
        <translation>读取存储区大小</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>每小时 %1</translation>
    </message>
    <message>
        <source>not known yet (a minute of samples needed)</source>
        <translation>尚不清楚（需要一分钟的采样）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1／共 %2</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full: new executions are refused until space is freed. Running ones finish.</source>
        <translation>服务器磁盘已满：在释放空间之前，新的执行都会被拒绝。运行中的会照常完成。</translation>
    </message>
    <message>
        <source>The server&apos;s disk is almost full: below %1 free, new executions will be refused. Lower the limits or free space.</source>
        <translation>服务器磁盘快满了：可用空间低于 %1 时，新的执行将被拒绝。请调低保留上限或释放空间。</translation>
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
        <translation>保存保留设置</translation>
    </message>
    <message>
        <source>Saved. The next pass applies it.</source>
        <translation>已保存，下一轮清理时应用。</translation>
    </message>
    <message>
        <source>Applying retention…</source>
        <translation>正在应用保留设置…</translation>
    </message>
    <message>
        <source>apply retention</source>
        <translation>应用保留设置</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n execution(s).</source>
        <translation>
            <numerusform>已删除 %n 条执行记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only administrators change history retention.</source>
        <translation>只有管理员可以更改历史保留设置。</translation>
    </message>
    <message>
        <source>History retention (every flow)</source>
        <translation>历史保留（所有流程）</translation>
    </message>
    <message>
        <source>Keep executions for (days)</source>
        <translation>执行记录保留天数</translation>
    </message>
    <message>
        <source>Executions kept per flow</source>
        <translation>每个流程保留的执行条数</translation>
    </message>
    <message>
        <source>Largest database size (MiB)</source>
        <translation>数据库大小上限（MiB）</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>0 means no limit. Only ended executions are removed, oldest first, in the background; a flow&apos;s own limits (its properties) come before these.</source>
        <translation>0 表示不限。只会在后台删除已结束的执行记录，从最旧的开始；流程自身的上限（在其属性中）优先于这些设置。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Apply Now</source>
        <translation>立即应用</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>存储区</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Used by data</source>
        <translation>数据已使用</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长速度</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>磁盘可用空间</translation>
    </message>
    <message>
        <source>The chart of the used size appears once the server has taken two samples (one a minute).</source>
        <translation>服务器取得两次采样（每分钟一次）后，就会显示已使用大小的图表。</translation>
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
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
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
        <translation>已跳过</translation>
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
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>The component&apos;s configuration schema cannot be used, so the configuration is not checked here.</source>
        <translation>无法使用此组件的配置模式，因此这里不会检查配置。</translation>
    </message>
    <message>
        <source>Configuration (JSON)</source>
        <translation>配置（JSON）</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaRefreshDialog</name>
    <message>
        <source>Refresh schema of %1</source>
        <translation>刷新 %1 的架构</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>应用更改(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Nothing was stored: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Reading the document again...</source>
        <translation>正在重新读取文档…</translation>
    </message>
    <message>
        <source>Applying...</source>
        <translation>正在应用…</translation>
    </message>
    <message numerus="yes">
        <source>The document at %1 has not changed: %n endpoint(s) as stored.</source>
        <translation>
            <numerusform>位于 %1 的文档没有变化：%n 个端点与已保存的相同。</numerusform>
        </translation>
    </message>
    <message>
        <source>Read from %1: %2 added, %3 changed, %4 removed, %5 unchanged. Nothing is stored until you apply.</source>
        <translation>读取自 %1：新增 %2、更改 %3、移除 %4、未变 %5。应用前不会保存任何内容。</translation>
    </message>
    <message>
        <source>+ Added</source>
        <translation>+ 新增</translation>
    </message>
    <message>
        <source>~ Changed</source>
        <translation>~ 更改</translation>
    </message>
    <message>
        <source>− Removed</source>
        <translation>− 移除</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>已更改：%1</translation>
    </message>
    <message>
        <source>%1 — kept as removed; flows using it fail with a clear error</source>
        <translation>%1 — 保留为已移除；使用它的工作流会以明确的错误失败</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaText</name>
    <message>
        <source>Enter text.</source>
        <translation>请输入文本。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数值。</translation>
    </message>
    <message>
        <source>Choose true or false.</source>
        <translation>请选择 true 或 false。</translation>
    </message>
    <message>
        <source>Enter a JSON object.</source>
        <translation>请输入 JSON 对象。</translation>
    </message>
    <message>
        <source>Enter a list.</source>
        <translation>请输入列表。</translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation>此值的类型不正确。</translation>
    </message>
    <message>
        <source>Enter a value of at least %1.</source>
        <translation>请输入不小于 %1 的值。</translation>
    </message>
    <message>
        <source>Enter a value greater than %1.</source>
        <translation>请输入大于 %1 的值。</translation>
    </message>
    <message>
        <source>Enter a value of at most %1.</source>
        <translation>请输入不大于 %1 的值。</translation>
    </message>
    <message>
        <source>Enter a value less than %1.</source>
        <translation>请输入小于 %1 的值。</translation>
    </message>
    <message>
        <source>Enter a multiple of %1.</source>
        <translation>请输入 %1 的倍数。</translation>
    </message>
    <message numerus="yes">
        <source>Enter at least %n character(s).</source>
        <translation>
            <numerusform>请输入至少 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter at most %n character(s).</source>
        <translation>
            <numerusform>请输入最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add at least %n item(s).</source>
        <translation>
            <numerusform>请添加至少 %n 项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep at most %n item(s).</source>
        <translation>
            <numerusform>最多保留 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>请选择以下之一：%1。</translation>
    </message>
    <message>
        <source>Enter %1.</source>
        <translation>请输入 %1。</translation>
    </message>
    <message>
        <source>Enter text that matches %1.</source>
        <translation>请输入匹配 %1 的文本。</translation>
    </message>
    <message>
        <source>Enter a date and time such as 2024-01-31T13:45:00Z.</source>
        <translation>请输入日期和时间，例如 2024-01-31T13:45:00Z。</translation>
    </message>
    <message>
        <source>Enter a date such as 2024-01-31.</source>
        <translation>请输入日期，例如 2024-01-31。</translation>
    </message>
    <message>
        <source>Enter a time such as 13:45:00Z.</source>
        <translation>请输入时间，例如 13:45:00Z。</translation>
    </message>
    <message numerus="yes">
        <source>Add at least %n member(s).</source>
        <translation>
            <numerusform>请添加至少 %n 个成员。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep at most %n member(s).</source>
        <translation>
            <numerusform>最多保留 %n 个成员。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a setting this component knows.</source>
        <translation>“%1”不是此组件认识的设置。</translation>
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
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>hm::app::SectionFrame</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>%1 needs a server. The console connects by itself; the status bar shows how it is going and can try again at once.</source>
        <translation>%1 需要连接到服务器。控制台会自动连接；状态栏会显示进度，也可以立即重试。</translation>
    </message>
    <message>
        <source>Sign in to see %1</source>
        <translation>登录后即可查看“%1”</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>%1 is not open to your role</source>
        <translation>您的角色无法打开“%1”</translation>
    </message>
    <message>
        <source>Your role cannot open this section. An administrator can change the roles of accounts in Users.</source>
        <translation>您的角色无法打开此栏目。管理员可以在“用户”中更改账号的角色。</translation>
    </message>
    <message>
        <source>%1 needs a newer server</source>
        <translation>“%1”需要更新版本的服务器</translation>
    </message>
    <message>
        <source>The server this console is connected to (version %1) does not offer %2. Update the server to use it; the rest of the console works as before.</source>
        <translation>此控制台连接的服务器（版本 %1）不提供“%2”。请更新服务器后再使用；控制台的其他功能不受影响。</translation>
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
        <translation>按名称搜索</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the list again (%1)</source>
        <translation>重新读取列表（%1）</translation>
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
        <translation>无</translation>
    </message>
    <message>
        <source>The linked credential (not readable by you)</source>
        <translation>已关联的凭据（您无法读取）</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceDetailsPage</name>
    <message>
        <source>The service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Where the service answers. Its OpenAPI document is looked for at the usual paths under the base URL unless you give its URL.</source>
        <translation>服务的地址。除非您提供文档 URL，否则会在基础 URL 下的常用路径查找其 OpenAPI 文档。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Schema URL:</source>
        <translation>架构 URL(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>凭据(&amp;C)：</translation>
    </message>
    <message>
        <source>unique; letters, digits, - _ .</source>
        <translation>唯一；字母、数字、- _ .</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>The credentials could not be read: %1</source>
        <translation>无法读取凭据：%1</translation>
    </message>
    <message>
        <source>optional: %1 or an absolute URL</source>
        <translation>选填：%1 或绝对 URL</translation>
    </message>
    <message>
        <source>Injected into every call: user name and password, bearer token, API key or OAuth2 credentials.</source>
        <translation>每次调用都会自动注入：用户名和密码、Bearer 令牌、API 密钥或 OAuth2 凭据。</translation>
    </message>
    <message>
        <source>The base URL must be an http or https address: the server calls nothing else.</source>
        <translation>基础 URL 必须是 http 或 https 地址：服务器不会调用其他类型的地址。</translation>
    </message>
    <message>
        <source>The server reads only http and https URLs, or a path under the base URL (starting with &quot;/&quot;). For a document on this computer, use Import from file... or drop the file here.</source>
        <translation>服务器只读取 http 和 https 地址，或基础 URL 下的路径（以“/”开头）。文档若在这台电脑上，请使用“从文件导入…”，或将文件拖放到这里。</translation>
    </message>
    <message>
        <source>The OpenAPI document is read from the file %1 (%2). Type a schema URL to use it instead.</source>
        <translation>OpenAPI 文档将从文件 %1（%2）读取。输入架构 URL 即改用该地址。</translation>
    </message>
    <message>
        <source>optional; the name when empty</source>
        <translation>选填；留空时使用名称</translation>
    </message>
    <message>
        <source>Import OpenAPI document</source>
        <translation>导入 OpenAPI 文档</translation>
    </message>
    <message>
        <source>OpenAPI documents (*.json *.yaml *.yml)</source>
        <translation>OpenAPI 文档 (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than the server reads (16 MiB).</source>
        <translation>%1 超出服务器可读取的大小（16 MiB）。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空的。</translation>
    </message>
    <message>
        <source>&amp;Import from file...</source>
        <translation>从文件导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Read a local OpenAPI document (JSON or YAML) and send its text to the server; you can also drop the file on this window.</source>
        <translation>读取本地的 OpenAPI 文档并将其内容发送到服务器；也可以将文件拖放到这个窗口。</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceEditDialog</name>
    <message>
        <source>Edit service %1</source>
        <translation>编辑服务 %1</translation>
    </message>
    <message>
        <source>Flows and the audit log know the service as &quot;%1&quot;; that name stays. Changing the base URL or the schema URL does not read the document again: use Refresh schema afterwards.</source>
        <translation>工作流和审计日志以“%1”识别此服务，该名称保持不变。更改基础 URL 或架构 URL 不会重新读取文档：之后请使用“刷新架构”。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Schema URL:</source>
        <translation>架构 URL(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>凭据(&amp;C)：</translation>
    </message>
    <message>
        <source>shown in lists and the flow editor</source>
        <translation>显示在列表和工作流编辑器中</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>optional: %1 or an absolute URL</source>
        <translation>选填：%1 或绝对 URL</translation>
    </message>
    <message>
        <source>Reading the credentials...</source>
        <translation>正在读取凭据…</translation>
    </message>
    <message>
        <source>The credentials could not be read: %1</source>
        <translation>无法读取凭据：%1</translation>
    </message>
    <message>
        <source>Injected into every call the service&apos;s endpoints make.</source>
        <translation>该服务的端点每次调用时都会自动注入。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The service was not saved: %1</source>
        <translation>服务未保存：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceListModel</name>
    <message>
        <source>No OpenAPI document: endpoints added by hand</source>
        <translation>没有 OpenAPI 文档：端点为手动添加</translation>
    </message>
    <message>
        <source>Document read from %1</source>
        <translation>文档读取自 %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>凭据</translation>
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
        <translation>路径</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Register it without a document; I will add the endpoints by hand</source>
        <translation>不使用文档直接注册；我会手动添加端点</translation>
    </message>
    <message>
        <source>Looking for the OpenAPI document...</source>
        <translation>正在查找 OpenAPI 文档…</translation>
    </message>
    <message numerus="yes">
        <source>Found a document with %n endpoint(s) to import.</source>
        <translation>
            <numerusform>找到文档，可导入 %n 个端点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Read from %1
%2 %3 (OpenAPI %4)</source>
        <translation>读取自 %1
%2 %3（OpenAPI %4）</translation>
    </message>
    <message>
        <source>No document: %1</source>
        <translation>没有文档：%1</translation>
    </message>
    <message>
        <source>Go back to correct the base URL or give the schema URL.</source>
        <translation>请返回修正基础 URL，或提供架构 URL。</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>What the server finds at the service, before anything is saved.</source>
        <translation>服务器在服务上找到的内容，尚未保存任何东西。</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <source>Go back to import another file or give the schema URL.</source>
        <translation>请返回导入其他文件，或提供架构 URL。</translation>
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
        <translation>名称</translation>
    </message>
    <message>
        <source>In</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Select an endpoint to see its schema.</source>
        <translation>选择端点以查看其架构。</translation>
    </message>
    <message>
        <source>Parameters (%1)</source>
        <translation>参数（%1）</translation>
    </message>
    <message>
        <source>No parameters</source>
        <translation>没有参数</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>Request body (%1)</source>
        <translation>请求体（%1）</translation>
    </message>
    <message>
        <source>No request body</source>
        <translation>没有请求体</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>No responses described</source>
        <translation>未描述任何响应</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceTestDialog</name>
    <message>
        <source>Test call to %1</source>
        <translation>测试调用 %1</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>端点(&amp;E)：</translation>
    </message>
    <message>
        <source>GET the base URL (%1)</source>
        <translation>GET 基础 URL（%1）</translation>
    </message>
    <message>
        <source>Request &amp;body (JSON):</source>
        <translation>请求体(&amp;B)（JSON）：</translation>
    </message>
    <message>
        <source>No body is sent while this is empty.</source>
        <translation>留空时不发送请求体。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>（不发送）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
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
        <translation>没有参数。</translation>
    </message>
    <message>
        <source>Parameters (* required):</source>
        <translation>参数（* 为必填）：</translation>
    </message>
    <message>
        <source>Fill in the required parameters: %1</source>
        <translation>请填写必填参数：%1</translation>
    </message>
    <message>
        <source>The body is not JSON (at character %1): %2</source>
        <translation>请求体不是 JSON（第 %1 个字符）：%2</translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Error %1: %2</source>
        <translation>错误 %1：%2</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>尚未发送。</translation>
    </message>
    <message>
        <source>Error %1: %2 (%3 ms)</source>
        <translation>错误 %1：%2（%3 毫秒）</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms — %3 %4</source>
        <translation>HTTP %1，耗时 %2 毫秒 — %3 %4</translation>
    </message>
    <message>
        <source>(cut off after the first 64 KiB)</source>
        <translation>（仅显示前 64 KiB）</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceWizard</name>
    <message>
        <source>New service</source>
        <translation>新建服务</translation>
    </message>
    <message>
        <source>&amp;Probe &gt;</source>
        <translation>探测(&amp;P) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>注册(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Registering...</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <source>The service was not registered: %1</source>
        <translation>未注册服务：%1</translation>
    </message>
</context>
<context>
    <name>hm::app::ServicesPage</name>
    <message>
        <source>More services could not be read: %1</source>
        <translation>无法读取更多服务：%1</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>External REST services whose endpoints flows can call, imported from their OpenAPI document or added by hand.</source>
        <translation>外部 REST 服务，工作流可调用其端点；端点从 OpenAPI 文档导入或手动添加。</translation>
    </message>
    <message>
        <source>New service...</source>
        <translation>新建服务…</translation>
    </message>
    <message>
        <source>Refresh schema...</source>
        <translation>刷新架构…</translation>
    </message>
    <message>
        <source>Test call...</source>
        <translation>测试调用…</translation>
    </message>
    <message>
        <source>Add endpoint...</source>
        <translation>添加端点…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a service first.</source>
        <translation>请先选择服务。</translation>
    </message>
    <message>
        <source>Register a service by its base URL.</source>
        <translation>通过基础 URL 注册服务。</translation>
    </message>
    <message>
        <source>Only who registered it (%1) or an administrator can change this service.</source>
        <translation>只有注册者（%1）或管理员可以更改此服务。</translation>
    </message>
    <message>
        <source>(deleted user)</source>
        <translation>（已删除的用户）</translation>
    </message>
    <message>
        <source>This service has no OpenAPI document; add its endpoints by hand.</source>
        <translation>此服务没有 OpenAPI 文档；请手动添加端点。</translation>
    </message>
    <message>
        <source>Read the OpenAPI document again and compare before storing.</source>
        <translation>重新读取 OpenAPI 文档，保存前先比较差异。</translation>
    </message>
    <message>
        <source>Call one endpoint with parameters and see the answer.</source>
        <translation>带参数调用一个端点并查看响应。</translation>
    </message>
    <message>
        <source>Add an endpoint by hand.</source>
        <translation>手动添加端点。</translation>
    </message>
    <message>
        <source>Delete the service and its endpoints.</source>
        <translation>删除服务及其端点。</translation>
    </message>
    <message>
        <source>Sign in to see services.</source>
        <translation>登录以查看服务。</translation>
    </message>
    <message>
        <source>Loading services...</source>
        <translation>正在加载服务…</translation>
    </message>
    <message>
        <source>The services could not be read</source>
        <translation>无法读取服务</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No service matches</source>
        <translation>没有匹配的服务</translation>
    </message>
    <message>
        <source>No service has &quot;%1&quot; in its name.</source>
        <translation>没有名称包含“%1”的服务。</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>No services yet</source>
        <translation>暂无服务</translation>
    </message>
    <message>
        <source>Register a REST service by its base URL: its OpenAPI document is found and its endpoints imported, ready for flows to call with a linked credential.</source>
        <translation>通过基础 URL 注册 REST 服务：系统会找到其 OpenAPI 文档并导入端点，工作流即可配合关联的凭据调用。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n service(s) shown</source>
        <translation>
            <numerusform>显示 %1 / %n 个服务</numerusform>
        </translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No service selected</source>
        <translation>未选择服务</translation>
    </message>
    <message>
        <source>Select a service to see its endpoints and their schemas.</source>
        <translation>选择服务以查看其端点和架构。</translation>
    </message>
    <message>
        <source>The service could not be read: %1</source>
        <translation>无法读取服务：%1</translation>
    </message>
    <message>
        <source>Reading the endpoints...</source>
        <translation>正在读取端点…</translation>
    </message>
    <message>
        <source>%1 — no OpenAPI document, endpoints added by hand</source>
        <translation>%1 — 没有 OpenAPI 文档，端点为手动添加</translation>
    </message>
    <message>
        <source>%1 — document %2, read %3</source>
        <translation>%1 — 文档 %2，读取于 %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>Status: %1 · Credential: %2 · Timeout: %3 ms · Registered by %4</source>
        <translation>状态：%1 · 凭据：%2 · 超时：%3 毫秒 · 注册者：%4</translation>
    </message>
    <message>
        <source>%1 (by hand)</source>
        <translation>%1（手动）</translation>
    </message>
    <message>
        <source>Removed — %1</source>
        <translation>已移除 — %1</translation>
    </message>
    <message>
        <source>No longer in the document since %1; flows using it fail with ENDPOINT_NOT_FOUND.</source>
        <translation>自 %1 起已不在文档中；使用它的工作流会以 ENDPOINT_NOT_FOUND 失败。</translation>
    </message>
    <message>
        <source>Endpoints (%1)</source>
        <translation>端点（%1）</translation>
    </message>
    <message>
        <source>Endpoints (%1 active, %2 removed)</source>
        <translation>端点（%1 个活动，%2 个已移除）</translation>
    </message>
    <message>
        <source>Schema of %1 %2</source>
        <translation>%1 %2 的架构</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; was registered with %n endpoint(s).</source>
        <translation>
            <numerusform>已注册“%1”，含 %n 个端点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Schema of &quot;%1&quot; refreshed: %2 added, %3 changed, %4 removed.</source>
        <translation>已刷新“%1”的架构：新增 %2、更改 %3、移除 %4。</translation>
    </message>
    <message>
        <source>Endpoint %1 %2 added.</source>
        <translation>已添加端点 %1 %2。</translation>
    </message>
    <message>
        <source>Delete service</source>
        <translation>删除服务</translation>
    </message>
    <message numerus="yes">
        <source>Delete &quot;%1&quot; and its %n endpoint(s)? Flows calling it stop working. This cannot be undone.</source>
        <translation>
            <numerusform>要删除“%1”及其 %n 个端点吗？调用它的工作流将无法运行。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>The service was not deleted: %1</source>
        <translation>未删除服务：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted, perhaps in another console.</source>
        <translation>“%1”已被删除，可能是在另一个控制台中。</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change the name, description, base URL, schema URL or credential.</source>
        <translation>更改名称、描述、基础 URL、架构 URL 或凭据。</translation>
    </message>
    <message>
        <source>Service deleted</source>
        <translation>服务已删除</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted, perhaps in another console: flows calling it fail. Select another service.</source>
        <translation>“%1”已被删除，可能是在另一个控制台中：调用它的工作流将失败。请选择其他服务。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was saved.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>%1 — document imported from a file, read %2</source>
        <translation>%1 — 从文件导入的文档，读取于 %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::SettingsEditor</name>
    <message>
        <source>Enter a JSON array of notification targets, for example [].</source>
        <translation>请输入通知目标的 JSON 数组，例如 []。</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Allow: start another run</source>
        <translation>允许：再启动一次执行</translation>
    </message>
    <message>
        <source>Deny: refuse while one runs</source>
        <translation>拒绝：有执行进行中时拒绝触发</translation>
    </message>
    <message>
        <source>Queue: wait for a free slot</source>
        <translation>排队：等待空闲名额</translation>
    </message>
    <message>
        <source>Replace: cancel the running one</source>
        <translation>替换：取消正在进行的执行</translation>
    </message>
    <message>
        <source>Whole flow</source>
        <translation>整个流程</translation>
    </message>
    <message>
        <source>Per trigger key</source>
        <translation>按触发键</translation>
    </message>
    <message>
        <source>All: every node&apos;s inputs and outputs</source>
        <translation>全部：每个节点的输入与输出</translation>
    </message>
    <message>
        <source>Summary: statuses, times and errors</source>
        <translation>摘要：状态、时间与错误</translation>
    </message>
    <message>
        <source>None: only the execution itself</source>
        <translation>无：仅保留执行本身</translation>
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
        <translation>执行中再次触发时</translation>
    </message>
    <message>
        <source>What a trigger does while runs of this flow are in progress.</source>
        <translation>此流程仍有执行在进行时，新的触发如何处理。</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Whether the limit counts the runs of the whole flow or the runs of each trigger key.</source>
        <translation>上限统计的是整个流程的执行，还是每个触发键各自的执行。</translation>
    </message>
    <message>
        <source>Scope key</source>
        <translation>范围键</translation>
    </message>
    <message>
        <source>The trigger field whose value separates the runs.</source>
        <translation>用其值区分各次执行的触发字段。</translation>
    </message>
    <message>
        <source>Maximum instances</source>
        <translation>最大实例数</translation>
    </message>
    <message>
        <source>How many runs may be in progress at once.</source>
        <translation>同时可进行的执行数量。</translation>
    </message>
    <message>
        <source>Flow timeout</source>
        <translation>流程超时</translation>
    </message>
    <message>
        <source>A run that takes longer is cancelled.</source>
        <translation>超过此时间的执行将被取消。</translation>
    </message>
    <message>
        <source>Node timeout</source>
        <translation>节点超时</translation>
    </message>
    <message>
        <source>A node that takes longer fails, and may be retried.</source>
        <translation>超过此时间的节点将失败，并可能重试。</translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation>最大尝试次数</translation>
    </message>
    <message>
        <source>1 means a failed node is not retried.</source>
        <translation>1 表示失败的节点不会重试。</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>退避时间</translation>
    </message>
    <message>
        <source>The wait before the first retry.</source>
        <translation>第一次重试前的等待时间。</translation>
    </message>
    <message>
        <source>Backoff multiplier</source>
        <translation>退避倍数</translation>
    </message>
    <message>
        <source>Each later wait is the previous one times this.</source>
        <translation>之后每次等待为前一次乘以此倍数。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>What is kept of a run once it ends.</source>
        <translation>执行结束后保留哪些内容。</translation>
    </message>
    <message>
        <source>On completion</source>
        <translation>完成时</translation>
    </message>
    <message>
        <source>Notification targets as a JSON array.</source>
        <translation>以 JSON 数组表示的通知目标。</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>失败时</translation>
    </message>
    <message>
        <source>With the scope “per trigger key”, enter the trigger field that keys it.</source>
        <translation>范围为“按触发键”时，请输入作为键的触发字段。</translation>
    </message>
    <message>
        <source>Enter a trigger field name or a $.trigger.… expression.</source>
        <translation>请输入触发字段名称或 $.trigger.… 表达式。</translation>
    </message>
</context>
<context>
    <name>hm::app::SettingsPage</name>
    <message>
        <source>read the system configuration</source>
        <translation>读取系统配置</translation>
    </message>
    <message>
        <source>The site name cannot be empty.</source>
        <translation>站点名称不能为空。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The server refused the changes; nothing was saved. See the fields marked in red.</source>
        <translation>服务器拒绝了这些更改，未保存任何内容。请查看以红色标出的字段。</translation>
    </message>
    <message>
        <source>change the system configuration</source>
        <translation>更改系统配置</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Sign in to see the server&apos;s configuration.</source>
        <translation>请登录以查看服务器配置。</translation>
    </message>
    <message>
        <source>Only administrators may change the system configuration; you are signed in as %1.</source>
        <translation>只有管理员才能更改系统配置；您当前以 %1 身份登录。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The server&apos;s configuration, and how this console works for you.</source>
        <translation>服务器的配置，以及此控制台的使用偏好。</translation>
    </message>
    <message>
        <source>System configuration</source>
        <translation>系统配置</translation>
    </message>
    <message>
        <source>Console preferences</source>
        <translation>控制台偏好设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>速率限制</translation>
    </message>
    <message>
        <source>Sign-in security</source>
        <translation>登录安全</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>密码策略</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>日志级别</translation>
    </message>
    <message>
        <source>Limit request rates</source>
        <translation>限制请求速率</translation>
    </message>
    <message>
        <source>Requests per minute (signed in)</source>
        <translation>每分钟请求数（已登录）</translation>
    </message>
    <message>
        <source>Requests per minute (anonymous, per IP)</source>
        <translation>每分钟请求数（匿名，每个 IP）</translation>
    </message>
    <message>
        <source>Failed sign-ins before lockout</source>
        <translation>锁定前允许的登录失败次数</translation>
    </message>
    <message>
        <source>Lockout duration</source>
        <translation>锁定时长</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>最小长度</translation>
    </message>
    <message>
        <source>Require an uppercase letter</source>
        <translation>须包含大写字母</translation>
    </message>
    <message>
        <source>Require a lowercase letter</source>
        <translation>须包含小写字母</translation>
    </message>
    <message>
        <source>Require a digit</source>
        <translation>须包含数字</translation>
    </message>
    <message>
        <source>Require a symbol</source>
        <translation>须包含符号</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>此控制台</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Servers and profiles</source>
        <translation>服务器和配置文件</translation>
    </message>
    <message>
        <source>Local server (runs inside this console)</source>
        <translation>本地服务器（在此控制台内运行）</translation>
    </message>
    <message>
        <source>Add servers with File ▸ Add Server… and switch with File ▸ Switch Server; they are listed here read-only.</source>
        <translation>请通过“文件 ▸ 添加服务器…”添加服务器，通过“文件 ▸ 切换服务器”切换；此处仅供查看。</translation>
    </message>
    <message>
        <source>Default data location</source>
        <translation>默认数据位置</translation>
    </message>
    <message>
        <source>Where the local server keeps its encrypted database. Start the console with --data-dir to use another one.</source>
        <translation>本地服务器存放加密数据库的位置。启动控制台时加上 --data-dir 即可改用其他位置。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Also in View ▸ Theme. Applies at once and is remembered.</source>
        <translation>也可在“视图 ▸ 主题”中设置。立即应用并会记住。</translation>
    </message>
    <message>
        <source>Requests the server makes</source>
        <translation>服务器发出的请求</translation>
    </message>
    <message>
        <source>May reach private networks (loopback, LAN)</source>
        <translation>可连接到私有网络（本机回环、局域网）</translation>
    </message>
    <message>
        <source>Schema fetches and credential tests that users start go only to public addresses unless this is on. Turn it on when your services run on this machine or your own network.</source>
        <translation>除非开启此选项，用户发起的架构获取与凭据测试只会连接到公网地址。若您的服务运行在本机或您自己的网络中，请开启此选项。</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation>定时备份</translation>
    </message>
    <message>
        <source>Hour of the day</source>
        <translation>执行时刻</translation>
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
        <translation>每周保留一份，共保留</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> 份备份</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>A backup is useless without the master key: keep a copy of the master key apart from the backups. The hour is in the server&apos;s time zone.</source>
        <translation>没有主密钥，备份就无法使用：请将主密钥另外保存一份，不要与备份放在一起。时刻以服务器的时区为准。</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保留期限</translation>
    </message>
    <message>
        <source>The day of the week is used only by a weekly schedule.</source>
        <translation>星期几仅在每周定时备份时使用。</translation>
    </message>
    <message>
        <source>Used only while scheduled backups are on.</source>
        <translation>仅在开启定时备份时使用。</translation>
    </message>
</context>
<context>
    <name>hm::app::ShareDialog</name>
    <message>
        <source>Nobody has an account with %1 yet: the flow is shared as soon as they create one.</source>
        <translation>目前还没有人使用 %1 注册账号：对方创建账号后，流程就会共享给对方。</translation>
    </message>
    <message>
        <source>Shared with %1.</source>
        <translation>已共享给 %1。</translation>
    </message>
    <message>
        <source>Permission changed.</source>
        <translation>权限已更改。</translation>
    </message>
    <message>
        <source>Stop Sharing</source>
        <translation>停止共享</translation>
    </message>
    <message>
        <source>Stop sharing “%1” with %2? They will no longer see the flow or run it.</source>
        <translation>要停止与 %2 共享“%1”吗？对方将无法再看到或运行此流程。</translation>
    </message>
    <message>
        <source>The flow is no longer shared with %1.</source>
        <translation>此流程已不再共享给 %1。</translation>
    </message>
    <message>
        <source>%1 (invited)</source>
        <translation>%1（已邀请）</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Share “%1”</source>
        <translation>共享“%1”</translation>
    </message>
    <message>
        <source>People you share the flow with see it in their list. View lets them run it, edit lets them change it, admin lets them share it too.</source>
        <translation>您共享流程的人会在其列表中看到它。“查看”让对方可以运行，“编辑”可以更改，“管理”还可以再共享。</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <source>colleague@example.com</source>
        <translation>例如 colleague@example.com</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>共享(&amp;S)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Shared by</source>
        <translation>共享者</translation>
    </message>
    <message>
        <source>&amp;Selected:</source>
        <translation>所选项(&amp;S)：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>hm::app::SignInDialog</name>
    <message>
        <source>The one-time code is wrong or has expired. Enter the current code from your authenticator app.</source>
        <translation>一次性验证码错误或已过期。请输入身份验证器应用当前显示的验证码。</translation>
    </message>
    <message>
        <source>The username, e-mail address or password is wrong.</source>
        <translation>用户名、电子邮件地址或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked until %1.</source>
        <translation>失败次数过多：登录已锁定至 %1。</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked for a while. Try again later.</source>
        <translation>失败次数过多：登录已暂时锁定，请稍后再试。</translation>
    </message>
    <message>
        <source>This account is suspended. Ask an administrator.</source>
        <translation>该账号已被停用，请联系管理员。</translation>
    </message>
    <message>
        <source>This account is not activated yet.</source>
        <translation>该账号尚未激活。</translation>
    </message>
    <message>
        <source>The sign-in took too long. Enter your password again.</source>
        <translation>登录超时，请重新输入密码。</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>登录 %1</translation>
    </message>
    <message>
        <source>&amp;Username or e-mail:</source>
        <translation>用户名或电子邮件(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;One-time code:</source>
        <translation>一次性验证码(&amp;O)：</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>身份验证器应用中的 6 位数字</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The recovery code is wrong or was used before. Each code works once.</source>
        <translation>恢复码错误或已使用过。每个恢复码只能使用一次。</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>恢复码(&amp;R)：</translation>
    </message>
    <message>
        <source>One of your saved recovery codes</source>
        <translation>您保存的其中一个恢复码</translation>
    </message>
    <message>
        <source>Use a recovery code</source>
        <translation>改用恢复码</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password twice.</source>
        <translation>两次输入的新密码不一致。请输入相同的密码两次。</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the new password: %1</source>
        <translation>服务器的密码策略拒绝了新密码：%1</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>按服务器的密码策略检查</translation>
    </message>
    <message>
        <source>%1, your password was chosen by somebody else. Choose your own password to continue: until then the server allows nothing else.</source>
        <translation>%1，您的密码是由他人设置的。请设置您自己的密码以继续：在此之前，服务器不允许任何其他操作。</translation>
    </message>
    <message>
        <source>Change &amp;Password</source>
        <translation>更改密码(&amp;P)</translation>
    </message>
    <message>
        <source>Your password was changed. Sign in with the new one.</source>
        <translation>您的密码已更改，请使用新密码登录。</translation>
    </message>
    <message>
        <source>Your account was created. Sign in with it.</source>
        <translation>您的账号已创建，请使用该账号登录。</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>忘记密码？</translation>
    </message>
    <message>
        <source>Register an account</source>
        <translation>注册账号</translation>
    </message>
</context>
<context>
    <name>hm::app::StorageWarning</name>
    <message>
        <source>Server disk full (%1 free): new executions are refused</source>
        <translation>服务器磁盘已满（可用 %1）：新的执行会被拒绝</translation>
    </message>
    <message>
        <source>Server disk almost full: %1 free</source>
        <translation>服务器磁盘快满了：可用 %1</translation>
    </message>
</context>
<context>
    <name>hm::app::TaskTargetPicker</name>
    <message>
        <source>%1 (offline)</source>
        <translation>%1（离线）</translation>
    </message>
    <message>
        <source>Choose a label: a task never runs on every node.</source>
        <translation>请选择标签：任务绝不会在所有节点上运行。</translation>
    </message>
    <message>
        <source>Choose the node the command runs on.</source>
        <translation>请选择运行命令的节点。</translation>
    </message>
    <message>
        <source>No node has this label now: the task would fail.</source>
        <translation>目前没有节点带有此标签：任务将会失败。</translation>
    </message>
    <message>
        <source>Nodes matching now: %1; &quot;One&quot; needs exactly one.</source>
        <translation>当前匹配的节点：%1；“单个”需要恰好一个。</translation>
    </message>
    <message>
        <source>Nodes matching now: %1, none online: the task would fail.</source>
        <translation>当前匹配的节点：%1，但均不在线：任务将会失败。</translation>
    </message>
    <message>
        <source>Nodes matching now: %1, online: %2.</source>
        <translation>当前匹配的节点：%1，在线：%2。</translation>
    </message>
    <message>
        <source>This node is not in the fleet any more: the task would fail.</source>
        <translation>此节点已不在集群中：任务将会失败。</translation>
    </message>
    <message>
        <source>The node is offline now.</source>
        <translation>此节点目前离线。</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>运行位置</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点范围</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>单个节点</translation>
    </message>
    <message>
        <source>Nodes with a label</source>
        <translation>带有标签的节点</translation>
    </message>
    <message>
        <source>One (exactly one must match)</source>
        <translation>单个（必须恰好匹配一个）</translation>
    </message>
    <message>
        <source>Any one online</source>
        <translation>任一在线节点</translation>
    </message>
    <message>
        <source>All of them (fan-out)</source>
        <translation>全部（分发执行）</translation>
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
        <translation>关闭终端</translation>
    </message>
    <message>
        <source>Keep &quot;%1&quot; running on the node?</source>
        <translation>要让“%1”继续在节点上运行吗？</translation>
    </message>
    <message>
        <source>A session kept running can be reattached from Sessions, here or from another console, until it has been idle too long. Ending it stops its shell and every program started in it.</source>
        <translation>继续运行的会话可在此处或其他控制台的“会话”中重新连接，直到空闲时间过长为止。结束它会停止其 shell 及在其中启动的所有程序。</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>结束会话</translation>
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
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>The sessions could not be read: %1</source>
        <translation>无法读取会话：%1</translation>
    </message>
    <message>
        <source>%1, process %2</source>
        <translation>%1，进程 %2</translation>
    </message>
    <message>
        <source>In a tab here</source>
        <translation>在此处的标签页中</translation>
    </message>
    <message>
        <source>Another user&apos;s</source>
        <translation>其他用户的</translation>
    </message>
    <message>
        <source>Attached elsewhere</source>
        <translation>已在别处连接</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>已断开连接</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>End terminal session</source>
        <translation>结束终端会话</translation>
    </message>
    <message>
        <source>End this session? Its shell and every program started in it stop on %1.</source>
        <translation>要结束此会话吗？其 shell 及在其中启动的所有程序都会在 %1 上停止。</translation>
    </message>
    <message>
        <source>The session could not be ended: %1</source>
        <translation>无法结束会话：%1</translation>
    </message>
    <message>
        <source>Terminal sessions on %1</source>
        <translation>%1 上的终端会话</translation>
    </message>
    <message>
        <source>Sessions keep running on %1 when their tab or the console is closed, until they have been idle too long. Reattach one to use it again, or end those you no longer need.</source>
        <translation>关闭标签页或控制台后，会话仍会在 %1 上继续运行，直到空闲时间过长为止。重新连接一个即可再次使用，或结束不再需要的会话。</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell 程序</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>No terminal session is running on this node.</source>
        <translation>此节点上没有正在运行的终端会话。</translation>
    </message>
    <message>
        <source>Reattach</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalTabs</name>
    <message>
        <source>Terminal %1</source>
        <translation>终端 %1</translation>
    </message>
    <message>
        <source>New terminal</source>
        <translation>新建终端</translation>
    </message>
    <message>
        <source>No terminal open. Press + to open one.</source>
        <translation>尚未打开终端。按 + 打开一个。</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Terminal sessions still running on this node: reattach or end them</source>
        <translation>仍在此节点上运行的终端会话：重新连接或结束它们</translation>
    </message>
    <message>
        <source>No terminal open here. Sessions still run on this node: press Sessions to reattach one, or + to open a new one.</source>
        <translation>此处尚未打开终端。此节点上仍有会话在运行：按“会话”重新连接其中一个，或按 + 打开新的。</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalView</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Clear scrollback</source>
        <translation>清除回滚记录</translation>
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
        <translation>%1 到 %2 个字符。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>至少 %n 个字符。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::TriggerDialog</name>
    <message>
        <source>Not valid JSON: %1 (at character %2).</source>
        <translation>不是有效的 JSON：%1（位于第 %2 个字符）。</translation>
    </message>
    <message>
        <source>The inputs must be a JSON object, such as {&quot;message&quot;: &quot;hello&quot;}.</source>
        <translation>输入必须是 JSON 对象，例如 {&quot;message&quot;: &quot;hello&quot;}。</translation>
    </message>
    <message>
        <source>Run “%1”</source>
        <translation>运行“%1”</translation>
    </message>
    <message>
        <source>Starts an execution of the flow. Its nodes read these inputs as $.trigger.&lt;name&gt;.</source>
        <translation>开始此流程的一次执行。其节点会以 $.trigger.&lt;name&gt; 读取这些输入。</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Inputs (JSON):</source>
        <translation>输入（JSON）(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Published (version %1)</source>
        <translation>已发布（版本 %1）</translation>
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
        <translation>回调 URL 必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The callback URL needs a host name.</source>
        <translation>回调 URL 需要主机名。</translation>
    </message>
    <message>
        <source>The callback URL may not hold a user name, a password or a #part.</source>
        <translation>回调 URL 不能包含用户名、密码或 # 片段。</translation>
    </message>
    <message>
        <source>With a callback URL, enter a secret of %1 to %2 bytes: the receiver checks the signature with it.</source>
        <translation>使用回调 URL 时，请输入 %1 到 %2 字节的密钥：接收端用它验证签名。</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>选项(&amp;O)</translation>
    </message>
    <message>
        <source>Priority, timeout and a callback for this execution only.</source>
        <translation>仅适用于本次执行的优先级、超时和回调。</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
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
        <translation>自定义</translation>
    </message>
    <message>
        <source>In a flow that queues its executions, higher priorities run first; -100 to 100.</source>
        <translation>在会将执行排入队列的流程中，优先级较高者先执行；范围 -100 到 100。</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The flow&apos;s own</source>
        <translation>按流程设置</translation>
    </message>
    <message>
        <source>At most the flow&apos;s %1 s.</source>
        <translation>最多为流程设置的 %1 秒。</translation>
    </message>
    <message>
        <source>Callback &amp;URL:</source>
        <translation>回调 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>https://example.com/hook: told when the execution ends</source>
        <translation>https://example.com/hook：执行结束时通知</translation>
    </message>
    <message>
        <source>Callback &amp;secret:</source>
        <translation>回调密钥(&amp;S)：</translation>
    </message>
    <message>
        <source>signs the callback; not shown again</source>
        <translation>用于签名回调；不会再次显示</translation>
    </message>
</context>
<context>
    <name>hm::app::UserDialog</name>
    <message>
        <source>See flows, executions and components</source>
        <translation>查看工作流、执行和组件</translation>
    </message>
    <message>
        <source>Own account: password, two-factor, sessions</source>
        <translation>自己的账户：密码、双重验证、会话</translation>
    </message>
    <message>
        <source>Create, edit, publish and share flows</source>
        <translation>创建、编辑、发布和共享工作流</translation>
    </message>
    <message>
        <source>Run, cancel and re-run executions</source>
        <translation>运行、取消和重新运行执行</translation>
    </message>
    <message>
        <source>Create and revoke own API keys</source>
        <translation>创建和撤销自己的 API 密钥</translation>
    </message>
    <message>
        <source>API keys with administration access</source>
        <translation>具有管理权限的 API 密钥</translation>
    </message>
    <message>
        <source>Register components</source>
        <translation>注册组件</translation>
    </message>
    <message>
        <source>Manage users, roles and lockouts</source>
        <translation>管理用户、角色和锁定</translation>
    </message>
    <message>
        <source>Server settings, audit and logs</source>
        <translation>服务器设置、审计和日志</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>编辑用户 %1</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮件：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>全名：</translation>
    </message>
    <message>
        <source>Initial password:</source>
        <translation>初始密码：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>按服务器的密码策略检查</translation>
    </message>
    <message>
        <source>A suspended user cannot sign in, and their sessions end.</source>
        <translation>停用的用户无法登录，其会话也会结束。</translation>
    </message>
    <message>
        <source>What each role may do (the selected role is highlighted):</source>
        <translation>各角色可执行的操作（所选角色以粗体标示）：</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>这不是电子邮件地址。</translation>
    </message>
    <message>
        <source>3-64 letters of any script, digits, _ . -</source>
        <translation>3–64 个任何文字的字母、数字、_ . -</translation>
    </message>
    <message>
        <source>A username has 3 to 64 characters: letters of any script (such as 王, é or ж), digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;. Accented Latin, Greek and Cyrillic letters count as one letter; other scripts may use their combining marks. Latin, Greek and Cyrillic letters cannot be mixed in one username. Spaces and invisible characters are not allowed. Case does not matter: &quot;Σοφία&quot; and &quot;σοφία&quot; are the same username.</source>
        <translation>用户名由 3 到 64 个字符组成：任何文字的字母（例如 王、é 或 ж）、数字、“_”、“.”和“-”。带重音的拉丁、希腊和西里尔字母算作一个字母；其他文字可以使用其组合符号。同一个用户名中不能混用拉丁、希腊和西里尔字母。不允许空格和不可见字符。不区分大小写：“Σοφία”和“σοφία”是同一个用户名。</translation>
    </message>
    <message>
        <source>Latin, Greek and Cyrillic letters cannot be mixed in one username (they have look-alikes such as Latin &quot;a&quot; and Cyrillic &quot;а&quot;).</source>
        <translation>同一个用户名中不能混用拉丁、希腊和西里尔字母（它们有外形相似的字母，例如拉丁字母“a”和西里尔字母“а”）。</translation>
    </message>
    <message>
        <source>3 to 64 letters of any script, digits, &quot;_&quot;, &quot;.&quot; or &quot;-&quot;; no spaces or invisible characters.</source>
        <translation>3 到 64 个任何文字的字母、数字、“_”、“.”或“-”；不能包含空格或不可见字符。</translation>
    </message>
    <message>
        <source>Must choose a new password at the first sign-in</source>
        <translation>首次登录时必须设置新密码</translation>
    </message>
    <message>
        <source>Until then the account can do nothing but change its password, so the password you hand over stops working.</source>
        <translation>在此之前，此账号只能更改密码，因此您交给对方的密码将会失效。</translation>
    </message>
    <message>
        <source>A user needs an e-mail address.</source>
        <translation>用户需要电子邮件地址。</translation>
    </message>
    <message>
        <source>Set a first password.</source>
        <translation>请设置初始密码。</translation>
    </message>
</context>
<context>
    <name>hm::app::UserListModel</name>
    <message>
        <source>%1, locked until %2</source>
        <translation>%1，锁定至 %2</translation>
    </message>
    <message>
        <source>On</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation>双重验证</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>hm::app::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>当前无人登录</translation>
    </message>
    <message>
        <source>My account...</source>
        <translation>我的账户…</translation>
    </message>
    <message>
        <source>Profile, password, two-factor authentication and sessions.</source>
        <translation>个人资料、密码、双重验证和会话。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Users (read-only)</source>
        <translation>用户（只读）</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Node grants</source>
        <translation>节点授权</translation>
    </message>
</context>
<context>
    <name>hm::app::UsersPanel</name>
    <message>
        <source>More users could not be read: %1</source>
        <translation>无法读取更多用户：%1</translation>
    </message>
    <message>
        <source>Search username, name or e-mail</source>
        <translation>搜索用户名、姓名或电子邮件</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>所有角色</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>New user...</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Read-only: nobody is signed in.</source>
        <translation>只读：当前无人登录。</translation>
    </message>
    <message>
        <source>Read-only: only administrators can see and manage users. You are signed in as %1, so this list is not loaded and its actions are off. Your own account and API keys are in &quot;My account&quot; and the API keys tab.</source>
        <translation>只读：只有管理员可以查看和管理用户。您当前的身份是%1，因此不会加载此列表，相关操作也已停用。您自己的账户和 API 密钥请见“我的账户”和“API 密钥”选项卡。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>请先选择用户。</translation>
    </message>
    <message>
        <source>Create a user and choose their role.</source>
        <translation>创建用户并选择其角色。</translation>
    </message>
    <message>
        <source>Change e-mail, name, role and status.</source>
        <translation>更改电子邮件、姓名、角色和状态。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Suspend...</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>You cannot suspend yourself.</source>
        <translation>您无法停用自己。</translation>
    </message>
    <message>
        <source>Let the user sign in again.</source>
        <translation>让用户可以再次登录。</translation>
    </message>
    <message>
        <source>Stop the user signing in and end their sessions.</source>
        <translation>禁止用户登录并结束其会话。</translation>
    </message>
    <message>
        <source>Clear the lockout after failed sign-ins.</source>
        <translation>解除登录失败造成的锁定。</translation>
    </message>
    <message>
        <source>Clear failed sign-in counts (the user is not locked now).</source>
        <translation>清除登录失败次数（用户当前未被锁定）。</translation>
    </message>
    <message>
        <source>Set a new password for the user.</source>
        <translation>为用户设置新密码。</translation>
    </message>
    <message>
        <source>You cannot delete yourself.</source>
        <translation>您无法删除自己。</translation>
    </message>
    <message>
        <source>Delete the user; their sessions and API keys end.</source>
        <translation>删除用户；其会话和 API 密钥都会失效。</translation>
    </message>
    <message>
        <source>Loading users...</source>
        <translation>正在加载用户…</translation>
    </message>
    <message>
        <source>The users could not be read: %1</source>
        <translation>无法读取用户：%1</translation>
    </message>
    <message>
        <source>No user matches these filters.</source>
        <translation>没有符合这些筛选条件的用户。</translation>
    </message>
    <message>
        <source>No user matches &quot;%1&quot;.</source>
        <translation>没有符合“%1”的用户。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s) shown</source>
        <translation>
            <numerusform>已显示 %1/%n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>The status was not changed: %1</source>
        <translation>状态未更改：%1</translation>
    </message>
    <message>
        <source>Suspend user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Suspend %1? They cannot sign in until reactivated, and their sessions end now.</source>
        <translation>要停用 %1 吗？在重新启用前无法登录，其会话也会立即结束。</translation>
    </message>
    <message>
        <source>The user was not unlocked: %1</source>
        <translation>用户未解锁：%1</translation>
    </message>
    <message>
        <source>The password was not reset: %1</source>
        <translation>密码未重置：%1</translation>
    </message>
    <message>
        <source>The password was reset.</source>
        <translation>密码已重置。</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>删除用户</translation>
    </message>
    <message>
        <source>Delete %1? Their sessions and API keys end at once. This cannot be undone.</source>
        <translation>要删除 %1 吗？其会话和 API 密钥会立即失效。此操作无法撤消。</translation>
    </message>
    <message>
        <source>The user was not deleted: %1</source>
        <translation>用户未删除：%1</translation>
    </message>
    <message>
        <source>The users cannot be shown</source>
        <translation>无法显示用户</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>No users match</source>
        <translation>没有符合的用户</translation>
    </message>
    <message>
        <source>No user has this role and status.</source>
        <translation>没有用户符合此角色和状态。</translation>
    </message>
    <message>
        <source>No user&apos;s name or e-mail has “%1”.</source>
        <translation>没有用户的名称或电子邮件包含“%1”。</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选条件(&amp;C)</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
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
        <translation>WireGuard 服务器及连接到它们的客户端。</translation>
    </message>
    <message>
        <source>Search name, interface or description</source>
        <translation>搜索名称、接口或描述</translation>
    </message>
    <message>
        <source>New server...</source>
        <translation>新建服务器…</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a server first.</source>
        <translation>请先选择服务器。</translation>
    </message>
    <message>
        <source>A new WireGuard server: its interface, port and subnets.</source>
        <translation>新建 WireGuard 服务器：其接口、端口和子网。</translation>
    </message>
    <message>
        <source>Change the server&apos;s settings; a running server is re-synced.</source>
        <translation>更改服务器设置；运行中的服务器会重新同步。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Take the interface down; its clients are cut off.</source>
        <translation>关闭接口；其客户端将断开连接。</translation>
    </message>
    <message>
        <source>Bring the interface up with its enabled clients.</source>
        <translation>启动接口及其已启用的客户端。</translation>
    </message>
    <message>
        <source>Delete the server and all its clients.</source>
        <translation>删除服务器及其所有客户端。</translation>
    </message>
    <message>
        <source>Sign in to see the WireGuard servers</source>
        <translation>登录后即可查看 WireGuard 服务器</translation>
    </message>
    <message>
        <source>Loading WireGuard servers...</source>
        <translation>正在加载 WireGuard 服务器…</translation>
    </message>
    <message>
        <source>The WireGuard servers could not be read</source>
        <translation>无法读取 WireGuard 服务器</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>No server matches</source>
        <translation>没有匹配的服务器</translation>
    </message>
    <message>
        <source>No WireGuard server has &quot;%1&quot; in its name, interface or description.</source>
        <translation>没有任何 WireGuard 服务器的名称、接口或描述包含“%1”。</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>No WireGuard servers yet</source>
        <translation>暂无 WireGuard 服务器</translation>
    </message>
    <message>
        <source>A WireGuard server is a VPN interface on the HiveMind server&apos;s machine. Create one, then add a client for each device that connects: the console shows its config and a QR code to scan.</source>
        <translation>WireGuard 服务器是 HiveMind 服务器所在机器上的 VPN 接口。先创建一个，再为每个要连接的设备新建客户端：控制台会显示其配置和可供扫描的二维码。</translation>
    </message>
    <message numerus="yes">
        <source>%n WireGuard server(s), %1 running</source>
        <translation>
            <numerusform>%n 个 WireGuard 服务器，%1 个运行中</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was not stopped: %1</source>
        <translation>服务器未停止：%1</translation>
    </message>
    <message>
        <source>The server was not started: %1</source>
        <translation>服务器未启动：%1</translation>
    </message>
    <message>
        <source>Delete WireGuard server</source>
        <translation>删除 WireGuard 服务器</translation>
    </message>
    <message numerus="yes">
        <source>Delete &quot;%1&quot; and its %n client(s)? A running interface is taken down; the clients&apos; configs stop working. This cannot be undone.</source>
        <translation>
            <numerusform>要删除“%1”及其 %n 个客户端吗？运行中的接口将被关闭，客户端的配置将失效。此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was not deleted: %1</source>
        <translation>服务器未删除：%1</translation>
    </message>
    <message>
        <source>WireGuard</source>
        <translation>WireGuard</translation>
    </message>
    <message>
        <source>IPv6 pools</source>
        <translation>IPv6 地址池</translation>
    </message>
    <message>
        <source>BGP</source>
        <translation>BGP</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>A server from an existing wg-quick file (such as wg0.conf) with its peers.</source>
        <translation>从现有的 wg-quick 文件（例如 wg0.conf）创建服务器及其对等端。</translation>
    </message>
    <message>
        <source>Import a WireGuard server</source>
        <translation>导入 WireGuard 服务器</translation>
    </message>
    <message>
        <source>WireGuard configs (*.conf)</source>
        <translation>WireGuard 配置文件 (*.conf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>The file is larger than 1 MiB: it is not a wg-quick server file.</source>
        <translation>文件大于 1 MiB：不是 wg-quick 服务器配置文件。</translation>
    </message>
    <message>
        <source>IPv6 prefix pools and the prefixes delegated from them.</source>
        <translation>IPv6 前缀地址池及由其委派的前缀。</translation>
    </message>
    <message>
        <source>BGP sessions through BIRD, their routes and the prefixes announced.</source>
        <translation>通过 BIRD 的 BGP 会话、其路由及通告的前缀。</translation>
    </message>
    <message>
        <source>Stop WireGuard server</source>
        <translation>停止 WireGuard 服务器</translation>
    </message>
    <message>
        <source>Stop &quot;%1&quot;? Its interface %2 goes down and every client connected through it loses its tunnel until the server is started again.</source>
        <translation>要停止“%1”吗？其接口 %2 会关闭，在服务器重新启动之前，通过它连接的每个客户端都会失去隧道。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::WebhookDialog</name>
    <message>
        <source>Regenerate Webhook URL</source>
        <translation>重新生成 Webhook URL</translation>
    </message>
    <message>
        <source>Regenerate the webhook URL of “%1”? The current URL stops working at once: every system that calls it needs the new one.</source>
        <translation>要重新生成“%1”的 Webhook URL 吗？当前的 URL 会立即失效：所有调用它的系统都需要改用新的 URL。</translation>
    </message>
    <message>
        <source>Remove Webhook</source>
        <translation>移除 Webhook</translation>
    </message>
    <message>
        <source>Remove the webhook of “%1”? Its URL stops working at once.</source>
        <translation>要移除“%1”的 Webhook 吗？其 URL 会立即失效。</translation>
    </message>
    <message>
        <source>Reading the webhook…</source>
        <translation>正在读取 Webhook…</translation>
    </message>
    <message>
        <source>This flow has no webhook.</source>
        <translation>此流程没有 Webhook。</translation>
    </message>
    <message>
        <source>This flow has a webhook. Its URL was shown when it was created and cannot be shown again; regenerate it to get a new one.</source>
        <translation>此流程已有 Webhook。其 URL 只在创建时显示过，无法再次显示；请重新生成以获取新的 URL。</translation>
    </message>
    <message>
        <source>Copy the URL now: it is not shown again. A POST with a JSON body starts the published version with the body as its inputs.</source>
        <translation>请立即复制此 URL：它不会再次显示。以 JSON 正文发送 POST 请求，即会以该正文作为输入启动已发布的版本。</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>&amp;Regenerate URL</source>
        <translation>重新生成 URL(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Create Webhook</source>
        <translation>创建 Webhook(&amp;C)</translation>
    </message>
    <message>
        <source>Webhook of “%1”</source>
        <translation>“%1”的 Webhook</translation>
    </message>
    <message>
        <source>A webhook lets systems that can only call a URL (CI, chat, monitoring) start this flow without signing in. Whoever knows the URL can run the flow.</source>
        <translation>Webhook 让只能调用 URL 的系统（CI、聊天、监控）无需登录即可启动此流程。任何知道此 URL 的人都能运行此流程。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Re&amp;move Webhook</source>
        <translation>移除 Webhook(&amp;M)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
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
        <translation>此期间没有流量。</translation>
    </message>
    <message>
        <source>No traffic in this period.
A longer range may show older traffic.</source>
        <translation>此期间没有流量。
选择更长的范围可查看更早的流量。</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>范围(&amp;R)：</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
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
        <translation>图表显示的期间；期间越长，汇总的时间区间越粗（1 分钟、15 分钟、1 小时）。</translation>
    </message>
    <message>
        <source>Connected from</source>
        <translation>连接来源</translation>
    </message>
    <message>
        <source>The addresses the client&apos;s packets came from, most recently seen first.</source>
        <translation>客户端数据包的来源地址，最近出现的排在最前。</translation>
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
        <translation>%1 所有客户端的流量</translation>
    </message>
    <message>
        <source>Select a server to see its traffic.</source>
        <translation>选择服务器以查看其流量。</translation>
    </message>
    <message>
        <source>The traffic could not be read: %1</source>
        <translation>无法读取流量：%1</translation>
    </message>
    <message>
        <source>Reading the traffic…</source>
        <translation>正在读取流量…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>In this period: received %1, sent %2 · Since it was made: received %3, sent %4</source>
        <translation>此期间：已接收 %1，已发送 %2 · 创建以来：已接收 %3，已发送 %4</translation>
    </message>
    <message>
        <source>Received: what the server received from the client (its upload). Sent: what the server sent to it (its download).</source>
        <translation>已接收：服务器从客户端收到的数据（客户端的上传）。已发送：服务器发给客户端的数据（客户端的下载）。</translation>
    </message>
    <message>
        <source>Select a client to see where it connected from.</source>
        <translation>选择客户端以查看其连接来源。</translation>
    </message>
    <message>
        <source>The endpoints could not be read: %1</source>
        <translation>无法读取端点：%1</translation>
    </message>
    <message>
        <source>Reading the endpoints…</source>
        <translation>正在读取端点…</translation>
    </message>
    <message>
        <source>Not connected yet: no endpoint seen.</source>
        <translation>尚未连接：未见过任何端点。</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientDialog</name>
    <message>
        <source>WireGuard client created</source>
        <translation>已创建 WireGuard 客户端</translation>
    </message>
    <message>
        <source>New WireGuard client</source>
        <translation>新建 WireGuard 客户端</translation>
    </message>
    <message>
        <source>A client of &quot;%1&quot;. The server makes its keys; addresses left empty are the lowest free ones of the server&apos;s subnets.</source>
        <translation>“%1”的客户端。密钥由服务器生成；留空的地址将使用服务器子网中最小的空闲地址。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Address &amp;family:</source>
        <translation>地址类型(&amp;F)：</translation>
    </message>
    <message>
        <source>IPv&amp;4 address:</source>
        <translation>IPv4 地址(&amp;4)：</translation>
    </message>
    <message>
        <source>IPv&amp;6 address:</source>
        <translation>IPv6 地址(&amp;6)：</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>DNS 服务器(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>保活间隔(&amp;K)：</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>过期时间(&amp;X)：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>Empty: the lowest free one of %1</source>
        <translation>留空：使用 %1 中最小的空闲地址</translation>
    </message>
    <message>
        <source>Empty: the server&apos;s DNS servers</source>
        <translation>留空：使用服务器的 DNS 服务器</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>The server&apos;s</source>
        <translation>沿用服务器设置</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>设置过期时间</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created. Set up the device now: the server shows this config once, and again only to an administrator.</source>
        <translation>已创建“%1”。请立即配置设备：服务器只会显示此配置一次，之后仅管理员可再次查看。</translation>
    </message>
    <message>
        <source>A client needs a name.</source>
        <translation>客户端需要名称。</translation>
    </message>
    <message>
        <source>One IPv4 address of the server&apos;s subnet, e.g. 10.8.0.9.</source>
        <translation>服务器子网中的一个 IPv4 地址，例如 10.8.0.9。</translation>
    </message>
    <message>
        <source>One IPv6 address of the server&apos;s subnet, e.g. fd00:8::9.</source>
        <translation>服务器子网中的一个 IPv6 地址，例如 fd00:8::9。</translation>
    </message>
    <message>
        <source>IP addresses only, comma separated.</source>
        <translation>仅限 IP 地址，以逗号分隔。</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>过期时间必须晚于现在。</translation>
    </message>
    <message>
        <source>Edit WireGuard client</source>
        <translation>编辑 WireGuard 客户端</translation>
    </message>
    <message>
        <source>&quot;%1&quot;, a client of &quot;%2&quot;. Its keys and addresses stay as they are.</source>
        <translation>“%1”，“%2”的客户端。其密钥与地址保持不变。</translation>
    </message>
    <message>
        <source>Ena&amp;bled:</source>
        <translation>启用(&amp;B)：</translation>
    </message>
    <message>
        <source>The client may connect</source>
        <translation>允许此客户端连接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Confirmation:</source>
        <translation>确认：</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Latest handshake</source>
        <translation>最近握手</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>What the server received from the client (its upload) since the client was last added to the running interface.</source>
        <translation>自客户端最近一次加入运行中的接口以来，服务器从它收到的数据（客户端的上传）。</translation>
    </message>
    <message>
        <source>What the server sent to the client (its download) since the client was last added to the running interface.</source>
        <translation>自客户端最近一次加入运行中的接口以来，服务器发给它的数据（客户端的下载）。</translation>
    </message>
    <message>
        <source>Everything the server received from the client since it was made, kept across restarts.</source>
        <translation>自客户端创建以来服务器从它收到的全部数据，重启后仍保留。</translation>
    </message>
    <message>
        <source>Everything the server sent to the client since it was made, kept across restarts.</source>
        <translation>自客户端创建以来服务器发给它的全部数据，重启后仍保留。</translation>
    </message>
    <message>
        <source>Total received</source>
        <translation>累计接收</translation>
    </message>
    <message>
        <source>Total sent</source>
        <translation>累计发送</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientsPane</name>
    <message>
        <source>The clients could not be read: %1</source>
        <translation>无法读取客户端：%1</translation>
    </message>
    <message>
        <source>Clients of %1</source>
        <translation>%1 的客户端</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>New client...</source>
        <translation>新建客户端…</translation>
    </message>
    <message>
        <source>Show config / QR...</source>
        <translation>显示配置 / 二维码…</translation>
    </message>
    <message>
        <source>Delete client...</source>
        <translation>删除客户端…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Select a client first.</source>
        <translation>请先选择客户端。</translation>
    </message>
    <message>
        <source>Select a server first.</source>
        <translation>请先选择服务器。</translation>
    </message>
    <message>
        <source>A new client of this server: keys, addresses and its config.</source>
        <translation>为此服务器新建客户端：密钥、地址和配置。</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Leave the client out of the interface; its keys and addresses stay.</source>
        <translation>将客户端排除在接口之外；其密钥和地址保留。</translation>
    </message>
    <message>
        <source>Let the client connect again.</source>
        <translation>允许客户端再次连接。</translation>
    </message>
    <message>
        <source>The client&apos;s config with its private key, as text and QR code.</source>
        <translation>含私钥的客户端配置，以文本和二维码显示。</translation>
    </message>
    <message>
        <source>Delete the client; its addresses are free again.</source>
        <translation>删除客户端；其地址可再次分配。</translation>
    </message>
    <message>
        <source>The client was not changed: %1</source>
        <translation>客户端未更改：%1</translation>
    </message>
    <message>
        <source>The config could not be read: %1</source>
        <translation>无法读取配置：%1</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>删除客户端</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its device can no longer connect, and its config stops working. This cannot be undone.</source>
        <translation>要删除“%1”吗？其设备将无法再连接，配置也会失效。此操作无法撤销。</translation>
    </message>
    <message>
        <source>The client was not deleted: %1</source>
        <translation>客户端未删除：%1</translation>
    </message>
    <message>
        <source>Edit client...</source>
        <translation>编辑客户端…</translation>
    </message>
    <message>
        <source>Change the client&apos;s name, DNS, keepalive, expiry or description.</source>
        <translation>更改客户端的名称、DNS、保活间隔、到期时间或描述。</translation>
    </message>
    <message>
        <source>Imported without its private key: its owner keeps its config</source>
        <translation>导入时没有私钥：配置由其所有者保管</translation>
    </message>
    <message>
        <source>Share link...</source>
        <translation>分享链接…</translation>
    </message>
    <message>
        <source>A one-time link to the client&apos;s config for its owner; it expires.</source>
        <translation>给所有者的一次性客户端配置链接；会过期。</translation>
    </message>
    <message>
        <source>No clients yet</source>
        <translation>尚无客户端</translation>
    </message>
    <message>
        <source>Add one for each device that connects: a phone, a laptop, a router. Each gets its own keys and addresses, and a config to import or scan.</source>
        <translation>为每台连接的设备添加一个：手机、笔记本电脑、路由器。每个客户端都有自己的密钥和地址，以及可导入或扫描的配置。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfigDialog</name>
    <message>
        <source>WireGuard config of %1</source>
        <translation>%1 的 WireGuard 配置</translation>
    </message>
    <message>
        <source>The WireGuard config of &quot;%1&quot; for its device.</source>
        <translation>“%1”的设备所用的 WireGuard 配置。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfigView</name>
    <message>
        <source>Save WireGuard config</source>
        <translation>保存 WireGuard 配置</translation>
    </message>
    <message>
        <source>WireGuard configs (*.conf)</source>
        <translation>WireGuard 配置文件 (*.conf)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>已复制。剪贴板将在 %n 秒后清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>This config holds the client&apos;s private key. Anyone who has it can connect as this client: give it only to the device&apos;s owner, and do not send it by e-mail or chat.</source>
        <translation>此配置包含客户端的私钥。任何获得它的人都能以此客户端的身份连接：只交给设备的所有者，也不要通过电子邮件或聊天消息发送。</translation>
    </message>
    <message>
        <source>Scan with the WireGuard app on a phone or tablet.</source>
        <translation>用手机或平板上的 WireGuard 应用扫描。</translation>
    </message>
    <message>
        <source>Save config...</source>
        <translation>保存配置…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message numerus="yes">
        <source>Copies the config; the clipboard is cleared again after %n second(s).</source>
        <translation>
            <numerusform>复制配置；剪贴板将在 %n 秒后再次清除。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfirmBox</name>
    <message>
        <source>Roll back unless confirmed within</source>
        <translation>除非在此时间内确认，否则回滚：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>...or when this client connects again:</source>
        <translation>…或此客户端再次连接时确认：</translation>
    </message>
    <message>
        <source>A handshake of the client after the change proves the new settings carry its tunnel, such as after a new port.</source>
        <translation>更改后此客户端的握手证明新设置能承载其隧道，例如更换端口后。</translation>
    </message>
    <message>
        <source>The server has no clients yet.</source>
        <translation>此服务器还没有客户端。</translation>
    </message>
    <message>
        <source>Without confirmation the previous settings come back by themselves: use &quot;Keep changes&quot; on the VPN page once you know you can still reach the server.</source>
        <translation>未确认时，之前的设置会自动回滚：确定仍能连接到服务器后，在 VPN 页面点击“保留更改”。</translation>
    </message>
</context>
<context>
    <name>hm::app::WgEndpointModel</name>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后出现</translation>
    </message>
</context>
<context>
    <name>hm::app::WgImportDialog</name>
    <message>
        <source>Import WireGuard server</source>
        <translation>导入 WireGuard 服务器</translation>
    </message>
    <message>
        <source>The file&apos;s [Interface] becomes a new server and each [Peer] one of its clients. The clients&apos; private keys stay on their devices: their configs cannot be shown here. Hooks and routed prefixes are not imported.</source>
        <translation>文件的 [Interface] 会成为新的服务器，每个 [Peer] 成为它的一个客户端。客户端的私钥留在各自的设备上：这里无法显示它们的配置。钩子命令与路由前缀不会导入。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>接口(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint host:</source>
        <translation>端点主机(&amp;E)：</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;.</source>
        <translation>1 到 15 个 a-z、A-Z、0-9、“_”、“=”、“+”、“.”或“-”字符。</translation>
    </message>
    <message>
        <source>Empty: the host of the server&apos;s public address</source>
        <translation>留空：使用服务器公开地址的主机</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>地址类型</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Preshared key</source>
        <translation>预共享密钥</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>未导入：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A server needs a name.</source>
        <translation>服务器需要名称。</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;; no spaces.</source>
        <translation>1 到 15 个 a-z、A-Z、0-9、“_”、“=”、“+”、“.”或“-”字符；不能有空格。</translation>
    </message>
    <message>
        <source>Checking the file with the server...</source>
        <translation>正在由服务器检查文件…</translation>
    </message>
    <message>
        <source>The file cannot be imported as it is.</source>
        <translation>此文件无法按原样导入。</translation>
    </message>
    <message>
        <source>Fill in the fields to see what the file holds.</source>
        <translation>填写字段后即可看到文件的内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s) become clients of the new server &quot;%1&quot; on %2, port %3.</source>
        <translation>
            <numerusform>%n 个对等端会成为新服务器“%1”（%2，端口 %3）的客户端。</numerusform>
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
        <translation>无：文件的每个字段都会导入。</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>无法导入此文件：%1</translation>
    </message>
    <message>
        <source>[Interface]: the DNS search domains are not imported.</source>
        <translation>[Interface]：DNS 搜索域不会导入。</translation>
    </message>
    <message>
        <source>[Interface]: Table is not imported.</source>
        <translation>[Interface]：Table 不会导入。</translation>
    </message>
    <message>
        <source>[Interface]: FwMark is not imported.</source>
        <translation>[Interface]：FwMark 不会导入。</translation>
    </message>
    <message>
        <source>[Interface]: SaveConfig is not imported.</source>
        <translation>[Interface]：SaveConfig 不会导入。</translation>
    </message>
    <message>
        <source>[Interface]: the %1 hooks are not imported (the server never runs commands from an imported file).</source>
        <translation>[Interface]：%1 钩子命令不会导入（服务器绝不执行导入文件中的命令）。</translation>
    </message>
    <message>
        <source>Peer %1: the name in its comment cannot be used; it is named %2.</source>
        <translation>Peer %1：其注释中的名称无法使用，改名为 %2。</translation>
    </message>
    <message>
        <source>Peer %1 (%2): the routed prefixes %3 are not imported (a client holds only its own addresses).</source>
        <translation>Peer %1（%2）：路由前缀 %3 不会导入（客户端只持有自己的地址）。</translation>
    </message>
    <message>
        <source>Peer %1 (%2): its Endpoint is not imported (the client connects to the server).</source>
        <translation>Peer %1（%2）：其 Endpoint 不会导入（由客户端连接到服务器）。</translation>
    </message>
</context>
<context>
    <name>hm::app::WgPendingBanner</name>
    <message>
        <source>server #%1</source>
        <translation>服务器 #%1</translation>
    </message>
    <message>
        <source>client #%1</source>
        <translation>客户端 #%1</translation>
    </message>
    <message>
        <source>Keep changes</source>
        <translation>保留更改</translation>
    </message>
    <message>
        <source>Only administrators confirm changes.</source>
        <translation>只有管理员可以确认更改。</translation>
    </message>
    <message>
        <source>Changes to server &quot;%1&quot; roll back at %2 unless confirmed (%3 left).</source>
        <translation>服务器“%1”的更改将于 %2 回滚，除非先确认（剩余 %3）。</translation>
    </message>
    <message>
        <source>Changes to client &quot;%1&quot; roll back at %2 unless confirmed (%3 left).</source>
        <translation>客户端“%1”的更改将于 %2 回滚，除非先确认（剩余 %3）。</translation>
    </message>
    <message>
        <source>A new handshake of the chosen client confirms it too.</source>
        <translation>所选客户端的新握手也会确认此更改。</translation>
    </message>
    <message>
        <source>Not confirmed: %1</source>
        <translation>未确认：%1</translation>
    </message>
    <message>
        <source>Confirming...</source>
        <translation>正在确认…</translation>
    </message>
    <message>
        <source>Confirm this change: it stays and is no longer rolled back.</source>
        <translation>确认此更改：更改会保留，不再回滚。</translation>
    </message>
    <message>
        <source>Keep all (%1)</source>
        <translation>全部保留（%1）</translation>
    </message>
    <message>
        <source>Confirm every change shown: they all stay.</source>
        <translation>确认所有显示的更改：全部保留。</translation>
    </message>
</context>
<context>
    <name>hm::app::WgServerDialog</name>
    <message>
        <source>Edit WireGuard server</source>
        <translation>编辑 WireGuard 服务器</translation>
    </message>
    <message>
        <source>New WireGuard server</source>
        <translation>新建 WireGuard 服务器</translation>
    </message>
    <message>
        <source>Change &quot;%1&quot;. A running server is re-synced; its clients keep their keys and addresses.</source>
        <translation>更改“%1”。运行中的服务器会重新同步；其客户端保留原有的密钥和地址。</translation>
    </message>
    <message>
        <source>The server makes the key pair; its private key never leaves it. Give it an IPv4 subnet, an IPv6 subnet or both: clients get their addresses from them.</source>
        <translation>密钥对由服务器生成，私钥不会离开服务器。请指定 IPv4 子网、IPv6 子网或两者：客户端的地址从中分配。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>接口(&amp;I)：</translation>
    </message>
    <message>
        <source>Listen &amp;port:</source>
        <translation>监听端口(&amp;P)：</translation>
    </message>
    <message>
        <source>IPv&amp;4 address/prefix:</source>
        <translation>IPv4 地址/前缀(&amp;4)：</translation>
    </message>
    <message>
        <source>IPv&amp;6 address/prefix:</source>
        <translation>IPv6 地址/前缀(&amp;6)：</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>DNS 服务器(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;MTU:</source>
        <translation>MTU 值(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>保活间隔(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint host:</source>
        <translation>端点主机(&amp;E)：</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>启动：</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>描述(&amp;E)：</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;.</source>
        <translation>1 到 15 个 a-z、A-Z、0-9、“_”、“=”、“+”、“.”或“-”字符。</translation>
    </message>
    <message>
        <source>e.g. 10.8.0.1/24 (empty: none)</source>
        <translation>例如 10.8.0.1/24（留空：无）</translation>
    </message>
    <message>
        <source>e.g. fd00:8::1/64 (empty: none)</source>
        <translation>例如 fd00:8::1/64（留空：无）</translation>
    </message>
    <message>
        <source>Comma separated, e.g. 1.1.1.1, 2606:4700:4700::1111</source>
        <translation>以逗号分隔，例如 1.1.1.1, 2606:4700:4700::1111</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Empty: the host of the server&apos;s public address</source>
        <translation>留空：使用服务器公开地址的主机</translation>
    </message>
    <message>
        <source>Start with the HiveMind server</source>
        <translation>随 HiveMind 服务器一起启动</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A server needs a name.</source>
        <translation>服务器需要名称。</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;; no spaces.</source>
        <translation>1 到 15 个 a-z、A-Z、0-9、“_”、“=”、“+”、“.”或“-”字符；不能有空格。</translation>
    </message>
    <message>
        <source>An IPv4 address with its prefix length, e.g. 10.8.0.1/24.</source>
        <translation>带前缀长度的 IPv4 地址，例如 10.8.0.1/24。</translation>
    </message>
    <message>
        <source>Give an IPv4 subnet, an IPv6 subnet or both.</source>
        <translation>请指定 IPv4 子网、IPv6 子网或两者。</translation>
    </message>
    <message>
        <source>An IPv6 address with its prefix length, e.g. fd00:8::1/64.</source>
        <translation>带前缀长度的 IPv6 地址，例如 fd00:8::1/64。</translation>
    </message>
    <message>
        <source>IP addresses only, comma separated.</source>
        <translation>仅限 IP 地址，以逗号分隔。</translation>
    </message>
    <message>
        <source>Confirmation:</source>
        <translation>确认：</translation>
    </message>
</context>
<context>
    <name>hm::app::WgServerModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>监听端口</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
</context>
<context>
    <name>hm::app::WgShareLinkDialog</name>
    <message>
        <source>No link was made: %1</source>
        <translation>未创建链接：%1</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>已复制。剪贴板将在 %n 秒后清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>The links were not revoked: %1</source>
        <translation>未撤销链接：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n unused link(s) revoked.</source>
        <translation>
            <numerusform>已撤销 %n 个未使用的链接。</numerusform>
        </translation>
    </message>
    <message>
        <source>The links could not be read: %1</source>
        <translation>无法读取链接：%1</translation>
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
        <translation>已过期</translation>
    </message>
    <message>
        <source>No links yet. A link works once and only until it expires.</source>
        <translation>还没有链接。链接只能使用一次，且过期后失效。</translation>
    </message>
    <message>
        <source>Links not opened yet stop working; used ones stay listed as a record.</source>
        <translation>尚未打开的链接将失效；已使用的链接保留在列表中作为记录。</translation>
    </message>
    <message>
        <source>No unused link to revoke.</source>
        <translation>没有可撤销的未使用链接。</translation>
    </message>
    <message>
        <source>Share link for %1</source>
        <translation>%1 的分享链接</translation>
    </message>
    <message>
        <source>A one-time link to the config of &quot;%1&quot;: its owner opens it in a browser or the WireGuard app and needs no account.</source>
        <translation>“%1”配置的一次性链接：所有者用浏览器或 WireGuard 应用打开，无需账号。</translation>
    </message>
    <message>
        <source>Whoever opens this link first gets the client&apos;s private key and can connect as this client. Send it only to the device&apos;s owner; it works once and stops working when it expires.</source>
        <translation>第一个打开此链接的人会获得客户端的私钥，并能以此客户端的身份连接。只发给设备的所有者；链接只能使用一次，过期后即失效。</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>有效期(&amp;V)：</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>创建链接</translation>
    </message>
    <message>
        <source>Create another link</source>
        <translation>再创建一个链接</translation>
    </message>
    <message>
        <source>The link appears here once it is made.</source>
        <translation>创建后，链接会显示在这里。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message numerus="yes">
        <source>Copies the link; the clipboard is cleared again after %n second(s).</source>
        <translation>
            <numerusform>复制链接；剪贴板将在 %n 秒后再次清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Works once, until %1 (local time). It is not shown again: copy it now.</source>
        <translation>只能使用一次，有效至 %1（本地时间）。链接不会再次显示：请现在复制。</translation>
    </message>
    <message>
        <source>Links of this client</source>
        <translation>此客户端的链接</translation>
    </message>
    <message>
        <source>Revoke unused links</source>
        <translation>撤销未使用的链接</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>打开时间</translation>
    </message>
    <message>
        <source>Opened from</source>
        <translation>打开来源</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
        <translation>接收与发送的字节</translation>
    </message>
    <message>
        <source>Bytes received and sent per minute (%1)</source>
        <translation>每分钟接收与发送的字节 (%1)</translation>
    </message>
    <message>
        <source>Bytes received and sent per 15 minutes (%1)</source>
        <translation>每 15 分钟接收与发送的字节 (%1)</translation>
    </message>
    <message>
        <source>Bytes received and sent per hour (%1)</source>
        <translation>每小时接收与发送的字节 (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Bytes received and sent per bucket of %n minute(s) (%1)</source>
        <translation>
            <numerusform>每 %n 分钟接收与发送的字节 (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
</context>
</TS>
