// Lure wording by intent rather than by exact phrase. Phishing rephrases endlessly ("your account
// has been temporarily suspended", "we have suspended access to your account", 「アカウントを一時的に
// 停止しました」, 「您的账户已被冻结」, 「계정이 일시 정지되었습니다」); what stays the same is the pair of
// ideas: something the reader owns (an account, a password, a parcel, a payment) and something
// happening to it or demanded of them (suspended, expiring, verify, failed delivery, overdue). An
// intent is found when a word of each kind stands within a short distance of the other, in either
// order (src/engine/text/intents.ts).
//
// Where the words come from: the everyday vocabulary of account, delivery and invoice notices in
// English, Japanese, Chinese and Korean, plus the account words of the languages phishing uses most
// after English (Portuguese, Spanish, French, German: dictionary words and the wording of the services' own
// help pages), and the pretexts that public advisories describe for these families: the Council
// of Anti-Phishing Japan's monthly reports (account suspension, card-use confirmation, parcel
// redelivery, tax refunds), JPCERT/CC and IPA warnings, the FBI IC3 and FTC descriptions of
// business-email compromise and delivery scams, and the prize, casino-bonus and crypto "airdrop"
// pretexts of the FTC's prize-scam and the SEC's and FCA's crypto-giveaway warnings. No entry was
// taken from an evaluation message.
// A word alone is never an intent, and an intent alone never flags a message: wording counts only
// with a sender, link or attachment finding (see src/engine/analyze.ts).
import type { LureIntent } from '../types';

/** Inflected forms are listed because Latin words must match whole (matching is case-, width- and spacing-insensitive). */
export const BUILTIN_LURE_INTENTS: readonly LureIntent[] = [
  {
    id: 'account-threat',
    category: 'credential',
    weight: 3,
    objects: [
      // English
      'account', 'accounts', 'password', 'passcode', 'mailbox', 'email account', 'e-mail account', 'login', 'log-in', 'sign-in', 'credentials',
      // Not "subscription" or "membership": shops write about those expiring every day.
      'apple id', 'wallet', 'webmail', 'payment method', 'billing information', 'card details', 'payment details', 'billing details',
      // Japanese
      'アカウント', 'パスワード', 'ログイン', 'サインイン', 'メールボックス', 'お支払い方法', '支払い方法', 'お支払い情報', 'カード情報', '登録情報', 'ご利用のカード', '会員情報', 'ID',
      // Chinese
      '账户', '帐户', '账号', '帐号', '密码', '邮箱', '登录', '登入', '付款方式', '会员',
      // Korean
      '계정', '비밀번호', '암호', '메일함', '로그인', '결제 수단', '결제수단', '회원',
      // Portuguese, Spanish, French, German
      'conta', 'senha', 'cuenta', 'contraseña', 'compte', 'mot de passe', 'konto', 'passwort', 'zugangsdaten',
    ],
    actions: [
      // English
      'suspended', 'suspend', 'suspension', 'locked', 'lock', 'restricted', 'restriction', 'limited', 'disabled', 'deactivated', 'deactivation',
      'terminated', 'closed', 'expire', 'expires', 'expired', 'expiring', 'expiration', 'verify', 'verification', 'validate', 'validation',
      'confirm', 'reactivate', 'unusual', 'unauthorized', 'unauthorised', 'compromised', 'on hold', 'deleted', 're-enter', 'update your', 'blocked',
      // Japanese
      '停止', '凍結', 'ロック', '制限', '失効', '有効期限', '期限切れ', '無効', '削除', '再設定', '再認証', '本人確認', 'ご確認ください', '更新してください', '不正', '異常', '第三者',
      // Chinese
      '冻结', '停用', '暂停', '锁定', '限制', '验证', '过期', '到期', '失效', '异常', '注销', '升级', '更新', '确认',
      // Korean
      '정지', '잠금', '잠겼', '제한', '차단', '만료', '인증', '확인', '비정상', '해지', '업데이트', '재설정',
      // Portuguese, Spanish, French, German
      'bloqueada', 'bloqueado', 'suspensa', 'suspendida', 'suspendido', 'restringida', 'verifique', 'verificar', 'confirme', 'atualize', 'actualice',
      'expira', 'expirada', 'suspendu', 'bloqué', 'vérifier', 'vérifiez', 'gesperrt', 'verifizieren', 'bestätigen', 'aktualisieren', 'abgelaufen',
      'bloqueio', 'desbloqueie', 'suspensão', 'bloqueo', 'eingeschränkt',
    ],
  },
  {
    id: 'delivery-problem',
    category: 'credential',
    weight: 2,
    objects: [
      // Parcels, not mail: a bounce's "delivery failed" is about the message itself.
      'package', 'parcel', 'shipment', 'consignment',
      'お荷物', '荷物', '宅配便', '小包',
      '包裹', '快递', '快遞', '物流',
      '택배', '소포',
    ],
    actions: [
      'failed', 'failure', 'unable to deliver', 'delivery attempt', 'could not be delivered', 'undeliverable', 'on hold', 'held', 'pending', 'reschedule', 'redelivery',
      'customs fee', 'customs duty', 'shipping fee', 'address incomplete', 'incorrect address', 'confirm your address', 'returned to sender',
      '不在', 'ご不在', '持ち戻り', '保管', '再配達', '住所不明', '宛先不明', '関税', '送料',
      '派送失败', '投递失败', '无法派送', '滞留', '清关', '地址有误', '地址不详', '关税', '退回',
      '배송 실패', '배송 보류', '보류', '주소 불명', '주소 확인', '통관', '관세', '반송',
    ],
  },
  {
    id: 'payment-change',
    category: 'payment',
    weight: 3,
    objects: [
      'invoice', 'invoices', 'payment', 'wire transfer', 'bank details', 'banking details', 'bank account', 'remittance', 'beneficiary account',
      '請求書', 'お支払い', '支払い', '振込先', '振込口座', '口座', '送金',
      '发票', '付款', '汇款', '收款账户', '银行账户', '银行账号',
      '송장', '청구서', '결제', '입금', '송금', '계좌',
    ],
    actions: [
      'overdue', 'past due', 'unpaid', 'outstanding', 'changed', 'new bank', 'updated bank', 'urgent', 'immediately', 'final notice',
      '変更', '未払い', '未納', '滞納', '支払期限', '至急', '本日中',
      '变更', '更改', '逾期', '未付', '欠款', '紧急',
      '변경', '연체', '미납', '긴급',
    ],
  },
  {
    // A prize, bonus or gift and the reader being made to take it: "claim your reward", "you have been
    // selected for a free gift", "Freispiele … sichern", 「賞金を受け取る」, 「领取奖金」, 「경품 수령」.
    // Shops write "win" and "free" too; like all wording it only counts beside another sign.
    id: 'reward-offer',
    category: 'prize',
    weight: 3,
    objects: [
      // English
      'prize', 'prizes', 'reward', 'rewards', 'bonus', 'airdrop', 'gift card', 'giftcard', 'voucher', 'jackpot', 'cashback',
      'sweepstakes', 'giveaway',
      // crypto giveaways: "claim your tokens", "your NFT awaits" (the SEC's and FCA's airdrop-scam warnings)
      'token', 'tokens', 'nft', 'nfts', 'coins',
      // (not "free spins": "free" is an action word, so the phrase would pair with itself)
      // German, Dutch, French, Spanish, Portuguese, Italian
      // (not German "Preis" or Korean 상품: they also mean a shop's price and goods)
      'gewinn', 'gutschein', 'geschenk', 'belohnung', 'freispiele', 'prijs', 'prijzen', 'cadeaukaart', 'beloning', 'cadeau', 'récompense',
      'premio', 'premios', 'regalo', 'bono', 'prêmio', 'brinde', 'recompensa', 'bônus', 'giros', 'premi',
      // Japanese (not ポイント: shops announce loyalty points every day)
      '賞品', '賞金', '景品', 'プレゼント', 'ボーナス', 'ギフト券', 'ギフトカード',
      // Chinese
      '奖品', '奖金', '红包', '礼品', '空投', '彩金',
      // Korean
      '상금', '경품', '보너스', '에어드랍', '기프트카드',
    ],
    actions: [
      // English
      'claim', 'claimed', 'won', 'win', 'winner', 'winners', 'selected', 'chosen', 'eligible', 'redeem', 'collect', 'unlock', 'unlocked',
      'awaits', 'awaiting', 'waiting for you', 'congratulations', 'free',
      // German, Dutch, French, Spanish, Portuguese, Italian
      'gewinnen', 'gewonnen', 'gewinner', 'ausgewählt', 'einlösen', 'sichern', 'gratis', 'kostenlos', 'winnen', 'winnaar', 'geselecteerd',
      'gagner', 'gagné', 'gagnant', 'sélectionné', 'gratuit', 'ganar', 'ganado', 'ganador', 'seleccionado', 'ganhar', 'ganhou', 'grátis',
      'selecionado', 'resgatar', 'reclamar', 'vincere', 'vinto', 'gratuito',
      // Japanese
      '当選', '受け取り', '受け取る', '獲得', '無料', '進呈', '選ばれました',
      // Chinese
      '领取', '中奖', '赢取', '免费', '恭喜',
      // Korean
      '당첨', '수령', '받으세요', '무료', '축하',
    ],
  },
  {
    // Money for nothing from a stranger ("419"): a fortune and a death or an heir close together.
    // "died intestate, no next-of-kin … the inheritance", "my late husband's fund of US$4.5 million …
    // donate to charities", 「故人の遺産」, 「已故客户的遗产」, 「고인의 유산」. The objects are fortunes
    // and heirs, not "fund", "estate" or "million" alone, so that a charity's appeal ("your donation
    // helps fund …") or the news ("two million people died") is no intent. Pretexts as the FBI IC3
    // and FTC describe inheritance and "dying widow" fraud.
    id: 'inheritance-fund',
    category: 'advance-fee',
    weight: 4,
    objects: [
      'inheritance', 'fortune', 'us$', 'usd', 'investment funds', 'next of kin', '遺産', '遗产', '유산',
    ],
    actions: [
      'deceased', 'died', 'dying', 'intestate', 'late husband', 'widow', 'heir', 'inherit', 'donate', 'charities', 'unclaimed',
      '故人', '亡くなった', '相続', '已故', '去世', '继承', '사망', '고인', '상속',
    ],
  },
  {
    // A crypto balance the reader never paid in, to be withdrawn: "Your account already has 0.75 BTC",
    // "withdraw your 11736$", "your cloud mining balance … withdraw your funds", 「ビットコインの出金」,
    // 「比特币余额 … 提现」, 「비트코인 출금」. The pretext of the FTC's and SEC's crypto-investment and
    // "cloud mining" scam warnings; the withdrawal page asks for a fee or a wallet's seed.
    id: 'crypto-balance',
    category: 'advance-fee',
    weight: 4,
    objects: [
      'btc', 'bitcoin', 'usdt', 'crypto', 'balance', 'mining', 'funds', 'ビットコイン', '暗号資産', '仮想通貨', '比特币', '加密货币', '비트코인', '암호화폐',
    ],
    actions: [
      'withdraw', 'withdrawal', 'replenished', 'already has', '出金', '提现', '출금',
    ],
  },
  {
    // The ask that follows the story in advance-fee fraud, as the FBI IC3 and Europol describe it and
    // the FTC sums it up ("if you have to pay to get a prize, it's not a prize"): pay a fee, keep the
    // transaction confidential, send your full name, age, occupation and passport. An ask alone is
    // ordinary (a travel agent wants a passport name, a conference a fee); advance-fee-scam counts it
    // only beside a scam story of weight 3 or more: the two together are the scam. English, and the
    // identity request in Portuguese, the first language after English named above; the other
    // languages did not fit the task pane's size budget.
    id: 'scam-ask',
    category: 'advance-fee',
    weight: 2,
    objects: ['fee', 'fees', 'transaction', 'this information', 'full name', 'nome completo', 'occupation', 'passport'],
    actions: ['pay', 'confidential', 'confidentiality', 'age', 'idade'],
  },
  {
    // Tax-refund bait: a tax authority or a tax return next to a refund waiting to be claimed. "Annual
    // Tax Return - your refund is ready", "HMRC tax rebate … claim", 「国税庁 … 還付金の受け取り」,
    // 「个人所得税退税 … 领取」, 「국세청 환급금 … 신청」. The Council of Anti-Phishing Japan, HMRC and the
    // IRS all warn about it. Accountants write about tax returns too, which is why this is wording and
    // counts only beside a sender, link or attachment sign.
    id: 'tax-refund',
    category: 'payment',
    weight: 3,
    objects: [
      'tax return', 'tax refund', 'irs', 'hmrc', 'irpf', '国税庁', '還付金', '退税', '국세청', '환급금',
    ],
    actions: [
      'refund', 'rebate', 'restituição', 'reembolso', 'eligible', '還付', '受け取り', '申請', '领取', '환급', '신청',
    ],
  },
  {
    // An official penalty to settle at once: a traffic fine, an unpaid toll, a court summons or a tax
    // debt, beside a demand to pay or a threatened suspension. "Unpaid toll balance … pay now", "you are
    // hereby served with a summons … failure to respond", 「反則金が未納 … 納付」, 「交通违章罚款已逾期」,
    // 「과태료 미납 … 납부」, "multa … regularize e evite a suspensão da CNH", "Bußgeld … begleichen". The
    // pretexts of the FTC's and FBI IC3's unpaid-toll and fake-court-notice warnings, the Council of
    // Anti-Phishing Japan's tax and fine lures, and CERT.br's and the Receita Federal's warnings about
    // fines and CPF "irregularities". Authorities do write about fines: like all wording this counts
    // only beside a sender, link or attachment sign.
    id: 'official-penalty',
    category: 'payment',
    weight: 3,
    objects: [
      'traffic fine', 'toll balance', 'summons', '反則金', '罰金', '罚款', '과태료', '벌금',
      'multa', 'cnh', 'cpf', 'dívida ativa', 'amende', 'bußgeld',
    ],
    actions: [
      'pay', 'overdue', 'unpaid', 'failure to respond', 'suspension', '納付', '未納', '缴纳', '逾期', '납부', '미납',
      // (not "evite"/"avoid": a bank's security tips say "nunca informe seu CPF … evite golpes")
      'regularize', 'suspensão', 'bloqueio', 'pagar', 'payer', 'majorée', 'begleichen',
    ],
  },
  {
    // Sex-dating and "lonely girl" spam, the opening of romance and sextortion scams: "sex dating",
    // "girls near you want sex", "You invited to top adult dating site", 「出会い系 … セフレ」,
    // 「寂寞美女 … 约炮」. No everyday words of meeting ("date", "meet", "chat"): a colleague's
    // invitation uses those.
    id: 'sex-dating',
    category: 'romance',
    weight: 4,
    objects: [
      'dating', 'hookup', 'singles', 'girl', 'girls', 'girlfriend', '出会い系', '人妻', '约会', '美女', '만남',
    ],
    actions: [
      'sex', 'sexy', 'adult', 'horny', 'naughty', 'lonely', 'エッチ', 'セックス', '约炮', '寂寞', '섹스', '외로운',
    ],
  },
];
