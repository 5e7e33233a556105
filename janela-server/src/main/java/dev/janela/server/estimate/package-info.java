/** What a campaign would cost before it is sent: a template to a list of customers, priced one by one. */
package dev.janela.server.estimate;
