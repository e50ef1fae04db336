import type { Catalogue } from './types';

/** The site's common interface texts, keyed `area.thing`: the frame, errors the browser shows itself, and the public pages. Each work area has its own catalogue (ui-*.ts). */
export const uiMessages = {
  // Site frame
  'site.name': { 'zh-CN': '政府质量奖评审系统', en: 'Government Quality Award' },
  'site.short': { 'zh-CN': 'Merit', en: 'Merit' },
  'site.skip': { 'zh-CN': '跳到正文', en: 'Skip to content' },
  'site.nav': { 'zh-CN': '主导航', en: 'Main navigation' },
  'site.loading': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'site.footer': { 'zh-CN': '评审全过程留痕，监督员可随时核验。', en: 'Every step is recorded; supervisors can verify it at any time.' },
  'site.checkCertificate': { 'zh-CN': '证书核验', en: 'Check a certificate' },
  'lang.label': { 'zh-CN': '语言', en: 'Language' },
  'lang.zh': { 'zh-CN': '中文', en: '中文' },
  'lang.en': { 'zh-CN': 'English', en: 'English' },
  'nav.home': { 'zh-CN': '首页', en: 'Home' },
  'nav.signIn': { 'zh-CN': '登录', en: 'Sign in' },
  'nav.signOut': { 'zh-CN': '退出登录', en: 'Sign out' },
  'nav.apply': { 'zh-CN': '申报', en: 'Application' },
  'nav.review': { 'zh-CN': '评审', en: 'Review' },
  'nav.admin': { 'zh-CN': '管理', en: 'Admin' },
  'nav.supervise': { 'zh-CN': '监督', en: 'Supervision' },
  'nav.operator': { 'zh-CN': '奖项管理（平台）', en: 'Programmes (platform)' },
  'session.as': { 'zh-CN': '{name}（{role}）', en: '{name} ({role})' },
  'session.signedInAs': { 'zh-CN': '当前登录', en: 'Signed in' },

  // Errors the client itself produces or shows
  'error.network': { 'zh-CN': '无法连接服务器，请检查网络后重试。', en: 'Cannot reach the server; check your connection and try again.' },
  'error.title': { 'zh-CN': '出错了', en: 'Something went wrong' },
  'error.code': { 'zh-CN': '错误代码：{code}', en: 'Error code: {code}' },
  'error.requestId': { 'zh-CN': '请求编号：{requestId}', en: 'Request id: {requestId}' },
  'error.retry': { 'zh-CN': '重试', en: 'Try again' },
  'error.chunk': {
    'zh-CN': '此处内容未能加载（网络中断，或网站刚刚更新），请刷新页面。',
    en: 'This did not load (the connection dropped, or the site was just updated); please reload the page.',
  },
  'error.reload': { 'zh-CN': '刷新页面', en: 'Reload the page' },

  // Public home
  'home.title': { 'zh-CN': '政府质量奖', en: 'Government Quality Award' },
  'home.intro': {
    'zh-CN': '依据 GB/T 19580《卓越绩效评价准则》开展评审：在线申报、专家评审、全程监督、结果公示。',
    en: 'Assessed against GB/T 19580 (Criteria for Performance Excellence): online application, expert review, full supervision, public notice of results.',
  },
  'home.programmes': { 'zh-CN': '奖项与评审轮次', en: 'Awards and rounds' },
  'home.noProgrammes': { 'zh-CN': '暂无公开的奖项。', en: 'No award is open yet.' },
  'home.noRounds': { 'zh-CN': '暂无评审轮次。', en: 'No round yet.' },
  'notice.link.publicNotice': { 'zh-CN': '公示', en: 'Public notice' },
  'notice.link.announcement': { 'zh-CN': '表彰结果', en: 'Winners announced' },
  'home.stage': { 'zh-CN': '阶段', en: 'Stage' },
  'home.registrationOpens': { 'zh-CN': '申报开始', en: 'Registration opens' },
  'home.submissionDeadline': { 'zh-CN': '材料截止', en: 'Submission deadline' },
  'home.apply': { 'zh-CN': '在线申报', en: 'Apply online' },
  'home.level.city': { 'zh-CN': '市级奖项', en: 'City awards' },
  'home.level.district': { 'zh-CN': '区级奖项', en: 'District awards' },
  'home.level.county': { 'zh-CN': '县级奖项', en: 'County awards' },
  'home.level.other': { 'zh-CN': '其他奖项', en: 'Other awards' },
  'home.programmePage': { 'zh-CN': '奖项页面', en: 'Award page' },
  'home.signInHint': { 'zh-CN': '申报组织、评审专家、监督员和管理员请通过邮件链接登录。', en: 'Applicants, reviewers, supervisors and administrators sign in through a link sent by mail.' },

  // Sign in
  'signIn.title': { 'zh-CN': '登录', en: 'Sign in' },
  'signIn.intro': {
    'zh-CN': '本系统不使用密码。请输入您的邮箱，我们会发送一个 15 分钟内有效、只能使用一次的登录链接。',
    en: 'There are no passwords. Enter your email address and we will mail you a sign-in link that works once within 15 minutes.',
  },
  'signIn.email': { 'zh-CN': '电子邮箱', en: 'Email address' },
  'signIn.submit': { 'zh-CN': '发送登录链接', en: 'Send me a link' },
  'signIn.sending': { 'zh-CN': '正在发送…', en: 'Sending…' },
  'signIn.sent': {
    'zh-CN': '如果该邮箱已在本系统登记，登录链接已发送，请查收邮件（也请查看垃圾邮件）。',
    en: 'If this address is known to us, a sign-in link is on its way; check your mail (and your spam folder).',
  },
  'signIn.required': { 'zh-CN': '请先登录后再访问此页面。', en: 'Please sign in to see this page.' },
  'signIn.wrongRole': { 'zh-CN': '您当前的身份（{role}）不能访问此页面。', en: 'Your current role ({role}) cannot open this page.' },

  // Link landing
  'link.title': { 'zh-CN': '正在登录', en: 'Signing you in' },
  'link.working': { 'zh-CN': '正在验证登录链接…', en: 'Checking your sign-in link…' },
  'link.missing': { 'zh-CN': '此地址中没有登录凭据。请打开邮件中的完整链接，或重新获取。', en: 'This address holds no sign-in token. Open the full link from your mail, or ask for a new one.' },
  'link.requestNew': { 'zh-CN': '重新获取登录链接', en: 'Request a new link' },
  'link.done': { 'zh-CN': '登录成功，正在跳转…', en: 'Signed in; taking you there…' },

  // The office's area in the navigation
  'nav.office': { 'zh-CN': '申报管理', en: 'Applications' },

  // Not found
  'notFound.title': { 'zh-CN': '页面不存在', en: 'Page not found' },
  'notFound.body': { 'zh-CN': '您要找的页面不存在或已移动。', en: 'The page you are looking for does not exist or has moved.' },
  'notFound.home': { 'zh-CN': '返回首页', en: 'Back to the home page' },

  // Shared by the office, the supervisors and the public notice: read-only pages, filters, why a chain check failed
  'supervise.filter.all': { 'zh-CN': '全部', en: 'All' },
  'supervise.filter.clear': { 'zh-CN': '清除筛选', en: 'Clear filters' },
  'supervise.reason.hash': { 'zh-CN': '记录内容与其哈希不符', en: 'its content does not match its hash' },
  'supervise.reason.prevHash': { 'zh-CN': '与前一条记录的链接断开', en: 'its link to the previous entry is broken' },
  'supervise.reason.seq': { 'zh-CN': '序号缺失或错位', en: 'a sequence number is missing or out of order' },
  'supervise.reason.scope': { 'zh-CN': '记录不属于此链', en: 'the entry belongs to another chain' },
  'supervise.readOnly': { 'zh-CN': '只读：监督员不能修改任何数据，只能记录监督意见。', en: 'Read-only: supervisors change nothing; they may record remarks.' },
} as const satisfies Catalogue;
