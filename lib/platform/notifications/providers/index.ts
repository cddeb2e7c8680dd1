// Every provider module, imported for its defineChannelFactory side effect: whoever asks
// channels.ts which channels are on (the deliver job, notify(), the admin page) imports this
// first, so a provider whose settings are present is never missed. One line per provider.
import "./dingtalk";
import "./aliyun-sms";
